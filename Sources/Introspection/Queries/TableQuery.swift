import PostgresClient
import SchemaModel

/// Tables, partitioned tables and partitions. pg_class: information_schema.tables
/// knows neither partitioning, nor UNLOGGED, nor row-level security.
enum TableQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS name, c.oid AS oid, d.description AS comment,
               c.relkind = 'p' AS partitioned, c.relpersistence = 'u' AS unlogged,
               c.relispartition AS is_partition,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
               CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
               c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
               \(PrivilegeSQL.owner("c.relowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "c.relacl", owner: "c.relowner", type: "'r'")) AS privileges,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'name', pc.relname)
                        ORDER BY i.inhseqno)
                  FROM pg_catalog.pg_inherits i
                  JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                  JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                  WHERE i.inhrelid = c.oid) AS parents
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "c.oid"))
        WHERE c.relkind IN ('r', 'p') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """

    static func decode(_ result: QueryResult) throws -> [(oid: UInt32, name: QualifiedName, relation: Table)] {
        try result.rows.map { row in
            let name = try row.qualifiedName()
            let parents = try row.json("parents", as: [QualifiedName].self) ?? []
            let isPartition = try row.bool("is_partition")
            return (try row.oid("oid"), name, try row.owned(Table(
                name: name,
                kind: try row.bool("partitioned") ? .partitioned : .ordinary,
                unlogged: try row.bool("unlogged"),
                partitionKey: try row.optionalString("partition_key"),
                partitionOf: isPartition ? parents.first : nil,
                partitionBound: try row.optionalString("partition_bound"),
                inherits: isPartition ? [] : parents,
                rowLevelSecurity: try row.bool("row_security"),
                forceRowLevelSecurity: try row.bool("force_row_security"),
                comment: try row.optionalString("comment"))))
        }
    }
}
