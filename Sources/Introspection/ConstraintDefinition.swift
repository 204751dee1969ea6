import SchemaModel

/// A primary key, unique constraint or foreign key written from pg_constraint's
/// fields, exactly as `pg_get_constraintdef` (ruleutils.c) writes it; `text` is
/// nil for every other kind, which the server writes. The tests compare every
/// constraint of every fixture and of the migra corpus with the server's text.
struct ConstraintDefinition {
    var kind: Constraint.Kind
    var quotedColumns: [String]
    /// `schema.table`, quoted: with the empty search_path of an inspection no
    /// user table is visible, so the server always qualifies it.
    var referencedTable: String?
    var referencedColumns: [String]
    var foreignKey: Constraint.ForeignKey?
    var deferrable: Bool
    var initiallyDeferred: Bool
    var validated: Bool

    var text: String? {
        var text: String
        switch kind {
        case .primaryKey, .unique:
            text = "\(kind == .primaryKey ? "PRIMARY KEY" : "UNIQUE") (\(quotedColumns.joined(separator: ", ")))"
        case .foreignKey:
            guard let referencedTable, let foreignKey else { return nil }
            text = "FOREIGN KEY (\(quotedColumns.joined(separator: ", "))) REFERENCES \(referencedTable)("
                + referencedColumns.joined(separator: ", ") + ")"
            if foreignKey.match != "SIMPLE" { text += " MATCH " + foreignKey.match }
            if foreignKey.onUpdate != "NO ACTION" { text += " ON UPDATE " + foreignKey.onUpdate }
            if foreignKey.onDelete != "NO ACTION" { text += " ON DELETE " + foreignKey.onDelete }
        case .check, .exclusion:
            return nil
        }
        if deferrable { text += " DEFERRABLE" }
        if initiallyDeferred { text += " INITIALLY DEFERRED" }
        if !validated { text += " NOT VALID" }
        return text
    }
}
