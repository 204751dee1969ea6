import PostgresClient
import SQLText
import SchemaModel

/// Tables, partitioned tables and partitions. pg_class: information_schema.tables
/// knows neither partitioning, nor UNLOGGED, nor row-level security.
enum TableQuery {
    static func sql(_ version: CatalogVersion) -> String {
        // PostgreSQL 14 added DETACH PARTITION … CONCURRENTLY, and with it the pending state:
        // read with the parents, from the same pg_inherits rows.
        let detachPending = version.major >= 14 ? ", 'detachPending', i.inhdetachpending" : ""
        return """
        SELECT n.nspname AS schema, c.relname AS name, c.oid AS oid, d.description AS comment,
               c.relkind = 'p' AS partitioned, c.relpersistence = 'u' AS unlogged,
               c.relispartition AS is_partition,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
               CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
               c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
               -- The TOAST table's own options as `toast.name=value`, the form CREATE TABLE … WITH takes.
               CASE WHEN toast.reloptions IS NULL THEN c.reloptions
                    ELSE pg_catalog.array_cat(c.reloptions, ARRAY(SELECT 'toast.' || o FROM pg_catalog.unnest(toast.reloptions) o)) END
                 AS storage_parameters,
               CASE WHEN c.relam <> 0 AND am.amname <> 'heap' THEN am.amname END AS access_method,
               CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING'
                    WHEN 'i' THEN 'USING INDEX ' || pg_catalog.quote_ident(marked.replica_identity) END AS replica_identity,
               CASE WHEN c.reloftype <> 0 THEN (SELECT pg_catalog.json_build_object('schema', tn.nspname, 'name', tt.typname)
                                                FROM pg_catalog.pg_type tt JOIN pg_catalog.pg_namespace tn ON tn.oid = tt.typnamespace
                                                WHERE tt.oid = c.reloftype) END AS of_type,
               marked.cluster_on,
               \(PrivilegeSQL.owner("c.relowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "c.relacl", owner: "c.relowner", type: "'r'")) AS privileges,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'name', pc.relname\(detachPending))
                        ORDER BY i.inhseqno)
                  FROM pg_catalog.pg_inherits i
                  JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                  JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                  WHERE i.inhrelid = c.oid) AS parents
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
        LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid
        -- The few indexes marked CLUSTER ON or REPLICA IDENTITY, joined once: a lookup
        -- of each table's indexes cost 13 of this query's 36 ms at 5,000 tables.
        LEFT JOIN (SELECT x.indrelid, pg_catalog.max(ic.relname) FILTER (WHERE x.indisclustered) AS cluster_on,
                          pg_catalog.max(ic.relname) FILTER (WHERE x.indisreplident) AS replica_identity
                   FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
                   WHERE x.indisclustered OR x.indisreplident GROUP BY x.indrelid) marked ON marked.indrelid = c.oid
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "c.oid"))
        WHERE c.relkind IN ('r', 'p') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """
    }

    /// A parent as the `parents` column gives it.
    private struct Parent: Decodable {
        var schema: String
        var name: String
        var detachPending: Bool?
    }

    static func decode(_ result: QueryResult) throws -> [(oid: UInt32, name: QualifiedName, relation: Table)] {
        try result.rows.map { row in
            let name = try row.qualifiedName()
            let parentRows = try row.json("parents", as: [Parent].self) ?? []
            let parents = parentRows.map { QualifiedName(schema: $0.schema, name: $0.name) }
            let isPartition = try row.bool("is_partition")
            var table = try row.owned(Table(
                name: name,
                kind: try row.bool("partitioned") ? .partitioned : .ordinary,
                unlogged: try row.bool("unlogged"),
                partitionKey: try row.optionalString("partition_key"),
                partitionOf: isPartition ? parents.first : nil,
                partitionBound: try row.optionalString("partition_bound"),
                inherits: isPartition ? [] : parents,
                rowLevelSecurity: try row.bool("row_security"),
                forceRowLevelSecurity: try row.bool("force_row_security"),
                comment: try row.optionalString("comment")))
            // In the catalog's order, as pg_dump writes them: compared as a set (`ModelFlattener`).
            table.storageParameters = try row.stringArray("storage_parameters")
            table.accessMethod = try row.optionalString("access_method")
            table.replicaIdentity = try row.optionalString("replica_identity")
            table.ofType = try row.json("of_type", as: QualifiedName.self)
            table.clusterOn = try row.optionalString("cluster_on")
            if isPartition, parentRows.first?.detachPending == true { table.detachPending = true }
            return (try row.oid("oid"), name, table)
        }
    }
}
