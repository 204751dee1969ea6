import PostgresClient
import SchemaModel

/// Indexes that do not back a constraint, on tables and materialized views.
/// pg_index: information_schema does not know indexes at all.
///
/// Only the definition and expression keys go through pg_get_indexdef (about
/// 20 µs a call); plain key and INCLUDE columns are named from the columns query
/// and operator classes from `OperatorClassQuery`, in Swift: per-row subqueries
/// over pg_attribute and pg_opclass took three quarters of this query's time.
/// The query is run in `partitions` slices (by oid) so the deparsing is spread
/// over the parallel connections.
enum IndexQuery {
    static func sql(partition: Int, of partitions: Int) -> String {
        """
        SELECT n.nspname AS schema, c.relname AS table_name, i.relname AS name, d.description AS comment,
               pg_catalog.pg_get_indexdef(x.indexrelid) AS definition, x.indisunique AS unique, am.amname AS method,
               x.indnkeyatts AS key_count, x.indkey AS column_numbers, x.indclass AS operator_classes,
               CASE WHEN 0 = ANY (x.indkey::pg_catalog.int2[]) THEN
                 (SELECT pg_catalog.array_agg(pg_catalog.pg_get_indexdef(x.indexrelid, k.ord::integer, false) ORDER BY k.ord)
                    FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                    WHERE k.attnum = 0) END AS expressions,
               pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "i.oid"))
        WHERE c.relkind IN ('r', 'p', 'm') AND \(CatalogFilter.userSchema("n.nspname"))
          AND x.indexrelid::pg_catalog.int8 % \(partitions) = \(partition)
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conrelid = x.indrelid AND con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))
        """
    }

    static func decode(_ result: QueryResult, columns: ColumnNames, operatorClasses: [String: String]) throws -> [(QualifiedName, Index)] {
        try result.rows.map { row in
            let relation = try row.qualifiedName(name: "table_name")
            let keyCount = try row.int("key_count")
            // int2vector / oidvector print as space-separated numbers.
            let numbers = try row.string("column_numbers").split(separator: " ").map(String.init)
            var expressions = try row.stringArray("expressions").makeIterator()
            var keys: [String] = []
            var include: [String] = []
            for (position, number) in numbers.enumerated() {
                let name = number == "0" ? (expressions.next() ?? "") : try columns.quotedName(relation, number)
                if position < keyCount { keys.append(name) } else { include.append(name) }
            }
            let classes = try row.string("operator_classes").split(separator: " ").map { operatorClasses[String($0)] }
            let index = Index(
                name: try row.string("name"), definition: try row.string("definition"), unique: try row.bool("unique"),
                method: try row.string("method"), keys: keys, operatorClasses: classes, include: include,
                predicate: try row.optionalString("predicate"), comment: try row.optionalString("comment"))
            return (relation, index)
        }
    }
}

/// Operator classes that are not their type's default, by oid, qualified.
enum OperatorClassQuery {
    static let sql = """
        SELECT oc.oid::pg_catalog.text AS oid,
               pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) AS name
        FROM pg_catalog.pg_opclass oc
        JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace
        WHERE NOT oc.opcdefault
        """

    static func decode(_ result: QueryResult) throws -> [String: String] {
        var classes: [String: String] = [:]
        for row in result.rows { classes[try row.string("oid")] = try row.string("name") }
        return classes
    }
}
