import SchemaModel

/// A primary key, unique constraint, foreign key or check written from
/// pg_constraint's fields, exactly as `pg_get_constraintdef` (ruleutils.c)
/// writes it; `text` is nil for exclusions, and for a check whose expression
/// Swift could not deparse: the server writes those. The tests compare every
/// constraint of every fixture and of the migra corpus with the server's text.
struct ConstraintDefinition {
    var kind: Constraint.Kind
    var quotedColumns: [String]
    /// `schema.table`, quoted: with the empty search_path of an inspection no
    /// user table is visible, so the server always qualifies it.
    var referencedTable: String?
    var referencedColumns: [String]
    var foreignKey: Constraint.ForeignKey?
    /// A check's expression, deparsed (`ExpressionDeparser`); nil leaves the check to the server.
    var check: String?
    var noInherit = false
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
        case .check:
            // Always in parentheses of its own, as ruleutils writes it.
            guard let check else { return nil }
            text = "CHECK (\(check))" + (noInherit ? " NO INHERIT" : "")
        case .exclusion, .notNull:
            return nil
        }
        if deferrable { text += " DEFERRABLE" }
        if initiallyDeferred { text += " INITIALLY DEFERRED" }
        if !validated { text += " NOT VALID" }
        return text
    }
}
