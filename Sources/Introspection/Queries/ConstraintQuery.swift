import PostgresClient
import SchemaModel

/// Table constraints. pg_constraint: information_schema.table_constraints has no
/// exclusion constraints, no NOT VALID, and joins three views for a foreign key.
enum ConstraintQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS table_name, con.conname AS name, con.contype AS type,
               pg_catalog.pg_get_constraintdef(con.oid) AS definition,
               -- Column numbers, named from the columns query in Swift: joining
               -- pg_attribute here per constraint tripled this query's time.
               con.conkey AS column_numbers,
               fn.nspname AS referenced_schema, fc.relname AS referenced_table,
               con.confkey AS referenced_column_numbers,
               con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match,
               con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS validated,
               d.description AS comment
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_constraint", oid: "con.oid"))
        WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p')
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """

    static func decode(_ result: QueryResult, columnNames: ColumnNames) throws -> [(QualifiedName, Constraint)] {
        try result.rows.map { row in
            let table = try row.qualifiedName(name: "table_name")
            let kind: Constraint.Kind
            switch try row.string("type") {
            case "p": kind = .primaryKey
            case "u": kind = .unique
            case "c": kind = .check
            case "f": kind = .foreignKey
            default: kind = .exclusion
            }
            var foreignKey: Constraint.ForeignKey?
            if kind == .foreignKey {
                let referenced = try row.qualifiedName(schema: "referenced_schema", name: "referenced_table")
                foreignKey = Constraint.ForeignKey(
                    referencedTable: referenced,
                    referencedColumns: try columnNames.names(referenced, try row.stringArray("referenced_column_numbers")),
                    onDelete: action(try row.string("on_delete")), onUpdate: action(try row.string("on_update")),
                    match: ["f": "FULL", "p": "PARTIAL"][try row.string("match")] ?? "SIMPLE")
            }
            let constraint = Constraint(
                name: try row.string("name"), kind: kind, definition: try row.string("definition"),
                columns: try columnNames.names(table, try row.stringArray("column_numbers")), foreignKey: foreignKey, deferrable: try row.bool("deferrable"),
                initiallyDeferred: try row.bool("deferred"), validated: try row.bool("validated"),
                comment: try row.optionalString("comment"))
            return (table, constraint)
        }
    }

    private static func action(_ code: String) -> String {
        ["a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"][code] ?? code
    }
}

/// Column names by table and attribute number, from the columns query.
struct ColumnNames {
    struct Entry {
        var name: String
        /// As quote_ident gives it, as pg_get_indexdef prints a plain key column.
        var quoted: String
        var typeOID: String
        var collationOID: String
    }

    private var byTable: [QualifiedName: [Int: Entry]] = [:]

    init(_ columns: [(QualifiedName, Column, Entry)]) {
        for (table, column, entry) in columns { byTable[table, default: [:]][column.position] = entry }
    }

    func entry(_ table: QualifiedName, _ number: String) throws -> Entry {
        guard let value = Int(number), let entry = byTable[table]?[value] else {
            throw IntrospectionError(query: "indexes", underlying: "\(table) has no column number \(number)")
        }
        return entry
    }

    func names(_ table: QualifiedName, _ numbers: [String]) throws -> [String] {
        try numbers.map { text in
            guard let number = Int(text), let entry = byTable[table]?[number] else {
                throw IntrospectionError(query: "constraints", underlying: "\(table) has no column number \(text)")
            }
            return entry.name
        }
    }
}
