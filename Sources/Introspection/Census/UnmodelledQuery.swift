import PostgresClient
import SchemaModel

/// The census: every object of a user schema (or of the database itself) that
/// the model does not represent, read from the catalogs themselves, so that
/// nothing a migration made passes unseen. One query, in the inspection's
/// snapshot; each row names one object and what of it is left out.
///
/// What this lists shrinks as the model grows: a kind the model learns to
/// read leaves this query in the same commit.
enum UnmodelledQuery {
    /// An identifier always double-quoted, as the warnings print names.
    private static func q(_ expression: String) -> String {
        "('\"' || pg_catalog.replace(\(expression)::pg_catalog.text, '\"', '\"\"') || '\"')"
    }

    private static func qualified(_ schema: String, _ name: String) -> String { "\(q(schema)) || '.' || \(q(name))" }

    static func sql(_ version: CatalogVersion) -> String {
        let relationName = qualified("r.nspname", "r.relname")
        return """
        WITH r AS (
            SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.reloptions, c.relam, c.relreplident,
                   c.reloftype, c.relacl, n.nspname
            -- From pg_foreign_table, not a scan of every relation (11 ms at 5,000 tables).
            FROM pg_catalog.pg_foreign_table ft JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE \(CatalogFilter.userSchema("n.nspname"))
              AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid", internalToo: false))
        )
        SELECT f.kind, r.nspname AS schema, \(relationName) AS name
        FROM r CROSS JOIN LATERAL (VALUES
            ('storage parameters of foreign table', r.relkind = 'f' AND r.reloptions IS NOT NULL)
        ) AS f(kind, applies)
        WHERE f.applies
        \(systemPrivileges)
        \(version.major >= 18 ? notNullConstraints : "")
        """
    }

    /// Grants and revokes on what the model does not hold: the system's own objects (`GRANT
    /// EXECUTE ON FUNCTION pg_catalog.pg_ls_dir(text) TO monitoring`, `REVOKE … FROM PUBLIC`
    /// in a hardened database) and an extension's (`GRANT EXECUTE ON FUNCTION
    /// pg_stat_statements_reset() TO …`), against what initdb or `CREATE EXTENSION` gave them
    /// (`pg_init_privs`). Each is named with what differs, grantee by grantee, so that two
    /// databases that differ there differ in their census.
    private static let systemPrivileges = """
        UNION ALL
        SELECT o.kind, o.schema, o.name || ': ' || o.changes
        FROM (
          SELECT CASE WHEN x.extension THEN 'privileges on extension member' ELSE 'privileges on system object' END AS kind,
                 n.nspname AS schema, pg_catalog.pg_describe_object(x.classid, x.oid, 0) AS name,
                 (SELECT pg_catalog.string_agg(g.change, ', ' ORDER BY g.change) FROM (
                    SELECT CASE WHEN g.revoked THEN 'REVOKE ' || g.privilege_type || ' FROM ' ELSE 'GRANT ' || g.privilege_type || ' TO ' END
                           || CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END
                           || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS change
                    FROM ((SELECT a.grantee, a.privilege_type, a.is_grantable, false AS revoked FROM pg_catalog.aclexplode(x.acl) a
                           EXCEPT SELECT d.grantee, d.privilege_type, d.is_grantable, false FROM pg_catalog.aclexplode(x.baseline) d)
                          UNION ALL
                          (SELECT d.grantee, d.privilege_type, false, true FROM pg_catalog.aclexplode(x.baseline) d
                           EXCEPT SELECT a.grantee, a.privilege_type, false, true FROM pg_catalog.aclexplode(x.acl) a)) g) g) AS changes
          FROM (
            SELECT y.classid, y.oid, y.namespace, y.acl, y.extension, coalesce(y.initial, pg_catalog.acldefault(y.type, y.owner)) AS baseline
            FROM (SELECT y.*,
                         (SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                          WHERE ip.objoid = y.oid AND ip.classoid = y.classid AND ip.objsubid = 0) AS initial,
                         EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = y.classid AND e.objid = y.oid AND e.deptype = 'e') AS extension
                  FROM (
              SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid, p.pronamespace AS namespace, p.proacl AS acl,
                     p.proowner AS owner, 'f'::"char" AS type FROM pg_catalog.pg_proc p WHERE p.proacl IS NOT NULL
              UNION ALL
              SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relnamespace, c.relacl, c.relowner,
                     CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char" FROM pg_catalog.pg_class c WHERE c.relacl IS NOT NULL
              UNION ALL
              SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typnamespace, t.typacl, t.typowner, 'T'::"char"
              FROM pg_catalog.pg_type t WHERE t.typacl IS NOT NULL
              UNION ALL
              SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass, s.oid, s.oid, s.nspacl, s.nspowner, 'n'::"char"
              FROM pg_catalog.pg_namespace s WHERE s.nspacl IS NOT NULL AND s.nspname <> 'public'
              UNION ALL
              SELECT 'pg_catalog.pg_language'::pg_catalog.regclass, l.oid, NULL, l.lanacl, l.lanowner, 'l'::"char"
              FROM pg_catalog.pg_language l WHERE l.lanacl IS NOT NULL AND l.oid < 16384
            ) y) y
            -- initdb's objects: where it recorded what it gave them, or in pg_catalog (what it did
            -- not record there it left at the default); information_schema's are not recorded
            -- before some majors, and it grants on them.
            WHERE y.extension OR (y.oid < 16384 AND (y.initial IS NOT NULL OR y.namespace = 'pg_catalog'::pg_catalog.regnamespace))
          ) x LEFT JOIN pg_catalog.pg_namespace n ON n.oid = x.namespace
        ) o
        WHERE o.changes IS NOT NULL
        """

    /// From PostgreSQL 18 a NOT NULL is a constraint of its own (`pg_constraint.contype = 'n'`),
    /// which may be `NO INHERIT`: the model holds a column's NOT NULL as inherited, and a
    /// NOT VALID one as a constraint (`Constraint.Kind.notNull`).
    private static let notNullConstraints = """
        UNION ALL
        SELECT 'NO INHERIT not-null constraint',
               n.nspname, \(qualified("n.nspname", "c.relname")) || '.' || \(q("k.conname"))
        FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'n' AND k.connoinherit AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid", internalToo: false))
        """

    static func decode(_ result: QueryResult) throws -> [UnmodelledObject] {
        try result.rows.map { row in
            UnmodelledObject(kind: try row.string("kind"), name: try row.string("name"),
                             schema: try row.optionalString("schema"))
        }
    }
}
