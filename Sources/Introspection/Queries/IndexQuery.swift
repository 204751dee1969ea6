import PostgresClient
import SchemaModel

/// Indexes that do not back a constraint, on tables and materialized views.
/// pg_index: information_schema does not know indexes at all.
enum IndexQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS table_name, i.relname AS name, d.description AS comment,
               pg_catalog.pg_get_indexdef(x.indexrelid) AS definition, x.indisunique AS unique, am.amname AS method,
               -- Plain columns by name; pg_get_indexdef only for expressions (it costs ~20 µs a call).
               (SELECT pg_catalog.array_agg(CASE WHEN k.attnum <> 0 THEN pg_catalog.quote_ident(a.attname)
                        ELSE pg_catalog.pg_get_indexdef(x.indexrelid, k.ord::integer, false) END ORDER BY k.ord)
                  FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  WHERE k.ord <= x.indnkeyatts) AS keys,
               (SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname) ORDER BY k.ord)
                  FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  WHERE k.ord > x.indnkeyatts) AS include,
               (SELECT pg_catalog.array_agg(CASE WHEN oc.opcdefault THEN NULL
                        ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END ORDER BY k.ord)
                  FROM pg_catalog.unnest(x.indclass::pg_catalog.oid[]) WITH ORDINALITY k(opclass, ord)
                  JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass
                  JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace) AS operator_classes,
               pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "i.oid"))
        WHERE c.relkind IN ('r', 'p', 'm') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x'))
        """

    static func decode(_ result: QueryResult) throws -> [(QualifiedName, Index)] {
        try result.rows.map { row in
            let index = Index(
                name: try row.string("name"), definition: try row.string("definition"), unique: try row.bool("unique"),
                method: try row.string("method"), keys: try row.stringArray("keys"),
                operatorClasses: try row.optionalStringArray("operator_classes"), include: try row.stringArray("include"),
                predicate: try row.optionalString("predicate"), comment: try row.optionalString("comment"))
            return (try row.qualifiedName(name: "table_name"), index)
        }
    }
}
