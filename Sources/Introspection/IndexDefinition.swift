/// `CREATE INDEX …` written from pg_index's fields, exactly as `pg_get_indexdef`
/// (ruleutils.c) would write it, for the indexes where that can be known
/// without the server: key columns and deparsed expressions of known type, a
/// collation and an operator class whose being the default can be decided. `text` is nil otherwise, and
/// the caller asks the server. The tests compare every index of every fixture
/// and of the migra corpus with the server's own text.
struct IndexDefinition {
    struct Key {
        /// The quoted column, or the deparsed expression ("" where it could not be).
        var text: String
        /// The column's or the expression's type and collation, which decide
        /// whether COLLATE and the operator class are printed; nil where not known.
        var typeOID: String?
        var collationOID: String?
        var operatorClass: OperatorClass?

        init(text: String, typeOID: String?, collationOID: String?, operatorClass: OperatorClass?) {
            self.text = text
            self.typeOID = typeOID
            self.collationOID = collationOID
            self.operatorClass = operatorClass
        }

        init(column: ColumnNames.Entry, operatorClass: OperatorClass?) {
            self.init(text: column.quoted, typeOID: column.typeOID, collationOID: column.collationOID, operatorClass: operatorClass)
        }

        /// An expression key, as pg_get_indexdef prints it; unknown where `node` is nil or cannot be deparsed.
        init(expression node: ExpressionNode?, deparser: ExpressionDeparser, operatorClass: OperatorClass?) {
            guard let node, let text = deparser.indexKey(node) else {
                self.init(text: "", typeOID: nil, collationOID: nil, operatorClass: operatorClass)
                return
            }
            self.init(text: text, typeOID: String(node.type), collationOID: String(node.collation), operatorClass: operatorClass)
        }
    }

    var quotedName: String
    var quotedSchema: String
    var quotedTable: String
    var quotedMethod: String
    var method: String
    var unique: Bool
    var keys: [Key]
    var include: [String]
    /// pg_index.indoption, per key column.
    var options: [Int]
    /// pg_index.indcollation, per key column ("0": not collatable).
    var collations: [String]
    var predicate: String?

    private static let descending = 1, nullsFirst = 2

    var text: String? {
        var text = "CREATE \(unique ? "UNIQUE " : "")INDEX \(quotedName) ON \(quotedSchema).\(quotedTable) USING \(quotedMethod) ("
        for (position, key) in keys.enumerated() {
            guard let typeOID = key.typeOID, let collationOID = key.collationOID, let operatorClass = key.operatorClass,
                  position < options.count, position < collations.count else { return nil }
            if position > 0 { text += ", " }
            text += key.text
            // COLLATE only where it differs from the column's; naming it would need the server.
            let collation = collations[position]
            if collation != "0" && collation != collationOID { return nil }
            // A default class is printed when it is not the default for the column's own
            // type (a text class on varchar); which one is, only the server decides.
            if !operatorClass.isDefault {
                text += " " + operatorClass.shownName
            } else if operatorClass.inputTypeOID != typeOID {
                return nil
            }
            let option = options[position]
            if option != 0 {
                // Only btree, of the built-in methods, orders; leave other methods to the server.
                guard method == "btree" else { return nil }
                if option & Self.descending != 0 {
                    text += option & Self.nullsFirst != 0 ? " DESC" : " DESC NULLS LAST"
                } else if option & Self.nullsFirst != 0 {
                    text += " NULLS FIRST"
                }
            }
        }
        text += ")"
        if !include.isEmpty { text += " INCLUDE (" + include.joined(separator: ", ") + ")" }
        if let predicate { text += " WHERE " + predicate }
        return text
    }
}
