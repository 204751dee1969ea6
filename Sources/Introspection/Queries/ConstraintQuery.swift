import PostgresClient
import SchemaModel

/// Table constraints. pg_constraint: information_schema.table_constraints has no
/// exclusion constraints, no NOT VALID, and joins three views for a foreign key.
///
/// The definitions of primary keys, unique constraints, foreign keys and
/// checks are written in Swift (`ConstraintDefinition`, checks from their
/// node trees by `ExpressionDeparser`): pg_get_constraintdef took 0.3 s of
/// this query's 0.43 s at 5,000 tables, on a cold backend. Exclusions, keys
/// with INCLUDE, NULLS NOT DISTINCT or SET NULL (columns), temporal keys, constraints
/// NOT ENFORCED, and checks the deparser cannot write are the server's. Constraints come by table oid.
enum ConstraintQuery {
    static func sql(_ version: CatalogVersion) -> String {
        var unusualKey = version.major >= 15 ? "ci.indnatts > ci.indnkeyatts OR ci.indnullsnotdistinct" : "ci.indnatts > ci.indnkeyatts"
        var unusualForeignKey = version.major >= 15 ? "con.confdelsetcols IS NOT NULL" : "false"
        var unusualCheck = "false"
        var notNull = ""
        if version.major >= 18 {
            // A not-null constraint NOT VALID; a valid one is its column's NOT NULL.
            notNull = " OR (con.contype = 'n' AND NOT con.convalidated)"
            // 18's temporal keys (`WITHOUT OVERLAPS`, `PERIOD`) and constraints `NOT ENFORCED`.
            unusualKey += " OR con.conperiod"
            unusualForeignKey += " OR con.conperiod OR NOT con.conenforced"
            unusualCheck = "NOT con.conenforced"
        }
        return """
        SELECT con.conrelid AS table_oid, con.conname AS name, con.contype AS type, con.oid AS oid,
               CASE WHEN con.contype NOT IN ('p', 'u', 'f', 'c') OR (con.contype IN ('p', 'u') AND (\(unusualKey)))
                         OR (con.contype = 'f' AND (\(unusualForeignKey))) OR (con.contype = 'c' AND (\(unusualCheck)))
                    THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
               CASE WHEN con.contype = 'c' THEN con.conbin END AS check_tree, con.connoinherit AS no_inherit,
               (con.contype = 'c' AND con.conislocal AND con.coninhcount > 0) AS inherited_and_local,
               -- Column numbers, named from the columns query in Swift: joining
               -- pg_attribute here per constraint tripled this query's time.
               con.conkey AS column_numbers,
               fn.nspname AS referenced_schema, fc.relname AS referenced_table, con.confrelid AS referenced_oid,
               pg_catalog.quote_ident(fn.nspname) AS quoted_referenced_schema,
               pg_catalog.quote_ident(fc.relname) AS quoted_referenced_table,
               con.confkey AS referenced_column_numbers,
               con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match,
               con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS validated,
               d.description AS comment, ixd.description AS index_comment,
               -- A key's index storage parameters, which pg_get_constraintdef leaves out (pg_dump adds
               -- them): `WITH (…)` as the server prints them, read only where the index has some.
               CASE WHEN con.contype IN ('p', 'u')
                     AND (SELECT ic.reloptions FROM pg_catalog.pg_class ic WHERE ic.oid = con.conindid) IS NOT NULL
                    THEN pg_catalog.substring(pg_catalog.pg_get_indexdef(con.conindid), ' WITH \\(.*\\)$') END AS index_with,
               -- A partition's key: the parent's index its index is attached to; a partitioned
               -- table's: whether its index is still invalid (added ONLY, not every partition attached).
               CASE WHEN c.relispartition AND con.contype IN ('p', 'u', 'x')
                    THEN (SELECT p.relname FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class p ON p.oid = h.inhparent
                           WHERE h.inhrelid = con.conindid) END AS attached_to,
               c.relkind = 'p' AND con.contype IN ('p', 'u', 'x') AND NOT ci.indisvalid AS incomplete
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_constraint", oid: "con.oid"))
        -- The index behind a key, unique or exclusion constraint (a foreign key's conindid is the referenced one's).
        \(CatalogFilter.commentJoin(alias: "ixd", catalog: "pg_class", oid: "con.conindid")) AND con.contype IN ('p', 'u', 'x')
        WHERE (con.contype IN ('p', 'u', 'c', 'f', 'x')\(notNull)) AND c.relkind IN ('r', 'p')
          -- A foreign key's clones (one per partition of a partitioned table it
          -- points at or is declared on) belong to their parent constraint, under
          -- names that depend on history: pg_dump leaves them out too.
          AND (con.contype <> 'f' OR con.conparentid = 0)
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """
    }

    /// Constraints by table; an empty definition is the server's to give, for the oid beside it.
    static func decode(_ result: QueryResult, columnNames: ColumnNames, catalog: ExpressionCatalog) throws
        -> [(table: UInt32, Constraint, oid: String)] {
        let tableOIDColumn = try result.column("table_oid")
        let name = try result.column("name"), type = try result.column("type"), oid = try result.column("oid")
        let definition = try result.column("definition"), checkTree = try result.column("check_tree")
        let noInherit = try result.column("no_inherit"), columnNumbers = try result.column("column_numbers")
        let referencedSchema = try result.column("referenced_schema"), referencedTable = try result.column("referenced_table")
        let referencedOID = try result.column("referenced_oid"), referencedNumbers = try result.column("referenced_column_numbers")
        let quotedReferencedSchema = try result.column("quoted_referenced_schema")
        let quotedReferencedTable = try result.column("quoted_referenced_table")
        let onDelete = try result.column("on_delete"), onUpdate = try result.column("on_update"), match = try result.column("match")
        let deferrableColumn = try result.column("deferrable"), deferredColumn = try result.column("deferred")
        let validatedColumn = try result.column("validated"), comment = try result.column("comment")
        let indexComment = try result.column("index_comment"), inheritedAndLocal = try result.column("inherited_and_local")
        let indexWith = try result.column("index_with")
        let attachedTo = try result.column("attached_to"), incomplete = try result.column("incomplete")
        return try result.rows.map { row in
            let kind: Constraint.Kind
            switch try row.string(type) {
            case "p": kind = .primaryKey
            case "u": kind = .unique
            case "c": kind = .check
            case "f": kind = .foreignKey
            case "n": kind = .notNull
            default: kind = .exclusion
            }
            let tableOID = try row.oid(tableOIDColumn)
            // Keys name real columns; a check or an exclusion may also reference expressions and system columns.
            let columns = kind == .check || kind == .exclusion
                ? columnNames.userColumns(tableOID, row.stringArray(columnNumbers))
                : try columnNames.entries(tableOID, row.stringArray(columnNumbers), query: "constraints")
            var foreignKey: Constraint.ForeignKey?
            var referenced: (quotedTable: String, quotedColumns: [String])?
            if kind == .foreignKey {
                let table = QualifiedName(schema: try row.string(referencedSchema), name: try row.string(referencedTable))
                let referencedColumns = try columnNames.entries(try row.oid(referencedOID), row.stringArray(referencedNumbers),
                                                                query: "constraints")
                foreignKey = Constraint.ForeignKey(
                    referencedTable: table,
                    referencedColumns: referencedColumns.map(\.name),
                    onDelete: action(try row.string(onDelete)), onUpdate: action(try row.string(onUpdate)),
                    match: Self.match(try row.string(match)))
                referenced = (try row.string(quotedReferencedSchema) + "." + row.string(quotedReferencedTable),
                              referencedColumns.map(\.quoted))
            }
            let deferrable = try row.bool(deferrableColumn), deferred = try row.bool(deferredColumn)
            let validated = try row.bool(validatedColumn)
            var check: String?
            if kind == .check {
                let deparser = ExpressionDeparser(columnName: { columnNames.quotedName(tableOID, $0) }, catalog: catalog)
                check = row.withBytes(checkTree) { $0.flatMap(NodeTreeParser.expression) }.flatMap(deparser.text(of:))
            }
            let written = ConstraintDefinition(
                kind: kind, quotedColumns: columns.map(\.quoted),
                referencedTable: referenced?.quotedTable, referencedColumns: referenced?.quotedColumns ?? [],
                foreignKey: foreignKey, check: check, noInherit: try row.bool(noInherit),
                deferrable: deferrable, initiallyDeferred: deferred, validated: validated)
            var text = row.optionalString(definition) ?? written.text ?? ""
            if let with = row.optionalString(indexWith) {
                // Before the timing clauses, where `ADD CONSTRAINT` takes it.
                let timing = text.range(of: " DEFERRABLE").map { text[$0.lowerBound...] } ?? ""
                text = text.dropLast(timing.count) + with + timing
            }
            var constraint = Constraint(
                name: try row.string(name), kind: kind, definition: text,
                columns: columns.map(\.name), foreignKey: foreignKey, deferrable: deferrable,
                initiallyDeferred: deferred, validated: validated,
                comment: row.optionalString(comment))
            constraint.indexComment = row.optionalString(indexComment)
            if try row.bool(inheritedAndLocal) { constraint.inheritedAndLocal = true }
            constraint.attachedTo = row.optionalString(attachedTo)
            if try row.bool(incomplete) { constraint.incomplete = true }
            return (tableOID, constraint, try row.string(oid))
        }
    }

    private static func action(_ code: String) -> String {
        switch code {
        case "a": return "NO ACTION"
        case "r": return "RESTRICT"
        case "c": return "CASCADE"
        case "n": return "SET NULL"
        case "d": return "SET DEFAULT"
        default: return code
        }
    }

    private static func match(_ code: String) -> String {
        switch code {
        case "f": return "FULL"
        case "p": return "PARTIAL"
        default: return "SIMPLE"
        }
    }
}
