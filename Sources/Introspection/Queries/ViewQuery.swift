import PostgresClient
import SQLText
import SchemaModel

/// Views and materialized views. pg_class with pg_get_viewdef: information_schema.views
/// has no materialized views, and truncates nothing but hides views the role does not own.
enum ViewQuery {
    static func sql(_ version: CatalogVersion) -> String {
        let statisticsTarget = ColumnQuery.statisticsTarget(version), compression = ColumnQuery.compression(version)
        return """
        SELECT n.nspname AS schema, c.relname AS name, c.oid AS oid, d.description AS comment,
               c.relkind = 'm' AS materialized, pg_catalog.pg_get_viewdef(c.oid) AS definition,
               c.reloptions AS options,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname, 'comment', cd.description) ORDER BY a.attnum)
                  FROM pg_catalog.pg_attribute a
                  JOIN pg_catalog.pg_description cd ON cd.objoid = a.attrelid AND cd.objsubid = a.attnum
                   AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  WHERE a.attrelid = c.oid AND a.attnum > 0) AS column_comments,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname,
                         'expression', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)) ORDER BY a.attnum)
                  FROM pg_catalog.pg_attrdef ad JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                  WHERE ad.adrelid = c.oid) AS column_defaults,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname, 'privileges',
                         coalesce(\(PrivilegeSQL.privileges(acl: "a.attacl", owner: "c.relowner", type: "'c'")), '[]'::pg_catalog.json))
                         ORDER BY a.attnum)
                  FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND a.attacl IS NOT NULL) AS column_privileges,
               -- A materialized view's columns set apart, as `ColumnQuery` reads a table's.
               (SELECT pg_catalog.json_agg(pg_catalog.json_strip_nulls(pg_catalog.json_build_object('name', a.attname,
                         'storage', CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END,
                         'compression', \(compression), 'statisticsTarget', \(statisticsTarget),
                         'options', \(CatalogFilter.userColumnOptions("a.attoptions")))) ORDER BY a.attnum)
                  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                  WHERE c.relkind = 'm' AND a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    AND (\(statisticsTarget) IS NOT NULL OR a.attstorage <> t.typstorage OR \(compression) IS NOT NULL
                         OR \(CatalogFilter.userColumnOptions("a.attoptions")) IS NOT NULL)) AS column_settings,
               -- A view's columns, to tell whether CREATE OR REPLACE VIEW keeps them (`View.columns`).
               (SELECT pg_catalog.json_agg(pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                         || CASE WHEN a.attcollation <> 0 THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::pg_catalog.text ELSE '' END
                         ORDER BY a.attnum)
                  FROM pg_catalog.pg_attribute a WHERE c.relkind = 'v' AND a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
               CASE WHEN c.relkind = 'm' AND am.amname <> 'heap' THEN am.amname END AS access_method,
               c.relkind = 'm' AND NOT c.relispopulated AS with_no_data,
               \(PrivilegeSQL.owner("c.relowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "c.relacl", owner: "c.relowner", type: "'r'")) AS privileges
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "c.oid"))
        WHERE c.relkind IN ('v', 'm') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """
    }

    static func decode(_ result: QueryResult) throws -> [(oid: UInt32, name: QualifiedName, relation: View)] {
        try result.rows.map { row in
            let name = try row.qualifiedName()
            var view = try row.owned(View(name: name, materialized: try row.bool("materialized"),
                                          definition: try row.string("definition"),
                                          // In the catalog's order, as pg_dump writes them: compared as a set.
                                          options: try row.stringArray("options"),
                                          comment: try row.optionalString("comment")))
            view.columnComments = try row.json("column_comments", as: [ColumnComment].self) ?? []
            view.columnDefaults = try row.json("column_defaults", as: [ColumnDefault].self) ?? []
            view.columnPrivileges = (try row.json("column_privileges", as: [ColumnPrivileges].self) ?? [])
                .map { ColumnPrivileges(name: $0.name, privileges: $0.privileges.sorted()) }
            view.accessMethod = try row.optionalString("access_method")
            view.withNoData = try row.bool("with_no_data") ? true : nil
            view.columns = view.materialized ? nil : try row.json("columns", as: [String].self) ?? []
            view.columnSettings = try row.json("column_settings", as: [ViewColumnSettings].self).map { settings in
                settings.map { column in
                    var column = column
                    column.storage = column.storage.map(ColumnQuery.storageName)
                    return column
                }
            }
            return (try row.oid("oid"), name, view)
        }
    }
}
