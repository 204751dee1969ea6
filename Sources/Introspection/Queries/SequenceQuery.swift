import PostgresClient
import SchemaModel

/// Sequences. pg_sequence (PostgreSQL 10+) with pg_depend for OWNED BY:
/// information_schema.sequences says nothing of ownership. Sequences behind
/// identity columns (pg_depend `deptype = 'i'`) are left to their column.
enum SequenceQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS name, d.description AS comment,
               pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
               s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value,
               s.seqcache AS cache, s.seqcycle AS cycle,
               owner.table_schema, owner.table_name, owner.column_name
        FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT tn.nspname AS table_schema, tc.relname AS table_name, a.attname AS column_name, dep.deptype
            FROM pg_catalog.pg_depend dep
            JOIN pg_catalog.pg_class tc ON tc.oid = dep.refobjid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE dep.classid = 'pg_class'::pg_catalog.regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::pg_catalog.regclass AND dep.refobjsubid > 0
              AND dep.deptype IN ('a', 'i')
            LIMIT 1) owner ON true
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "c.oid"))
        WHERE \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
          AND owner.deptype IS DISTINCT FROM 'i'
        """

    static func decode(_ result: QueryResult) throws -> [Sequence] {
        try result.rows.map { row in
            var ownedBy: ColumnReference?
            if let table = try row.optionalString("table_name") {
                ownedBy = ColumnReference(table: QualifiedName(schema: try row.string("table_schema"), name: table),
                                          column: try row.string("column_name"))
            }
            return Sequence(name: try row.qualifiedName(), options: try options(row), ownedBy: ownedBy,
                            comment: try row.optionalString("comment"))
        }
    }

    static func options(_ row: Row, prefix: String = "") throws -> SequenceOptions {
        SequenceOptions(dataType: try row.string(prefix + "data_type"), start: try row.int64(prefix + "start"),
                        increment: try row.int64(prefix + "increment"), minValue: try row.int64(prefix + "min_value"),
                        maxValue: try row.int64(prefix + "max_value"), cache: try row.int64(prefix + "cache"),
                        cycle: try row.bool(prefix + "cycle"))
    }
}
