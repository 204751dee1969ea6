import PostgresClient
import SchemaModel

/// Table constraints. pg_constraint: information_schema.table_constraints has no
/// exclusion constraints, no NOT VALID, and joins three views for a foreign key.
///
/// The definitions of primary keys, unique constraints and foreign keys are
/// written in Swift (`ConstraintDefinition`): pg_get_constraintdef took 0.3 s
/// of this query's 0.43 s at 5,000 tables, on a cold backend. Checks and
/// exclusions, and keys with INCLUDE, NULLS NOT DISTINCT or SET NULL (columns),
/// are the server's to write.
enum ConstraintQuery {
    /// In `partitions` slices by table (see `Inspector.queries`).
    static func sql(partition: Int, of partitions: Int, version: CatalogVersion) -> String {
        let unusualKey = version.major >= 15 ? "ci.indnatts > ci.indnkeyatts OR ci.indnullsnotdistinct" : "ci.indnatts > ci.indnkeyatts"
        let unusualForeignKey = version.major >= 15 ? "con.confdelsetcols IS NOT NULL" : "false"
        return """
        SELECT n.nspname AS schema, c.relname AS table_name, con.conname AS name, con.contype AS type, con.oid AS oid,
               CASE WHEN con.contype NOT IN ('p', 'u', 'f', 'c') OR (con.contype IN ('p', 'u') AND (\(unusualKey)))
                         OR (con.contype = 'f' AND (\(unusualForeignKey)))
                    THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
               CASE WHEN con.contype = 'c' THEN con.conbin END AS check_tree, con.connoinherit AS no_inherit,
               -- Column numbers, named from the columns query in Swift: joining
               -- pg_attribute here per constraint tripled this query's time.
               con.conkey AS column_numbers,
               fn.nspname AS referenced_schema, fc.relname AS referenced_table,
               pg_catalog.quote_ident(fn.nspname) AS quoted_referenced_schema,
               pg_catalog.quote_ident(fc.relname) AS quoted_referenced_table,
               con.confkey AS referenced_column_numbers,
               con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match,
               con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS validated,
               d.description AS comment
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_constraint", oid: "con.oid"))
        WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p')
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.partition(of: "con.conrelid", partition, partitions))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """
    }

    /// Constraints by table; an empty definition is the server's to give, for the oid beside it.
    static func decode(_ result: QueryResult, columnNames: ColumnNames, catalog: ExpressionCatalog) throws -> [(QualifiedName, Constraint, oid: String)] {
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
            let columns = try columnNames.entries(table, try row.stringArray("column_numbers"), query: "constraints")
            var foreignKey: Constraint.ForeignKey?
            var referenced: (quotedTable: String, quotedColumns: [String])?
            if kind == .foreignKey {
                let table = try row.qualifiedName(schema: "referenced_schema", name: "referenced_table")
                let referencedColumns = try columnNames.entries(table, try row.stringArray("referenced_column_numbers"),
                                                                query: "constraints")
                foreignKey = Constraint.ForeignKey(
                    referencedTable: table,
                    referencedColumns: referencedColumns.map(\.name),
                    onDelete: action(try row.string("on_delete")), onUpdate: action(try row.string("on_update")),
                    match: ["f": "FULL", "p": "PARTIAL"][try row.string("match")] ?? "SIMPLE")
                referenced = (try row.string("quoted_referenced_schema") + "." + row.string("quoted_referenced_table"),
                              referencedColumns.map(\.quoted))
            }
            let deferrable = try row.bool("deferrable"), deferred = try row.bool("deferred"), validated = try row.bool("validated")
            var check: String?
            if kind == .check {
                let deparser = ExpressionDeparser(columnName: { columnNames.quotedName(table, $0) }, catalog: catalog)
                check = try row.withBytes("check_tree") { $0.flatMap(NodeTreeParser.expression) }.flatMap(deparser.text(of:))
            }
            let written = ConstraintDefinition(
                kind: kind, quotedColumns: columns.map(\.quoted),
                referencedTable: referenced?.quotedTable, referencedColumns: referenced?.quotedColumns ?? [],
                foreignKey: foreignKey, check: check, noInherit: try row.bool("no_inherit"),
                deferrable: deferrable, initiallyDeferred: deferred, validated: validated)
            let constraint = Constraint(
                name: try row.string("name"), kind: kind, definition: try row.optionalString("definition") ?? written.text ?? "",
                columns: columns.map(\.name), foreignKey: foreignKey, deferrable: deferrable,
                initiallyDeferred: deferred, validated: validated,
                comment: try row.optionalString("comment"))
            return (table, constraint, try row.string("oid"))
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

    /// The column `number` of `table`; `query` names the catalog query asking, for the error.
    func entry(_ table: QualifiedName, _ number: String, query: String = "indexes") throws -> Entry {
        guard let value = Int(number), let entry = byTable[table]?[value] else {
            throw IntrospectionError(query: query, underlying: "\(table) has no column number \(number)")
        }
        return entry
    }

    /// The quoted name of column `number` of `table`, for the expression deparser.
    func quotedName(_ table: QualifiedName, _ number: Int) -> String? {
        byTable[table]?[number]?.quoted
    }

    func entries(_ table: QualifiedName, _ numbers: [String], query: String) throws -> [Entry] {
        try numbers.map { try entry(table, $0, query: query) }
    }
}
