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
        \(passwordOptions)
        \(subscriptions)
        \(databaseSettings)
        \(databaseProperties)
        \(tablespaces)
        \(systemOwners)
        """
    }

    /// An option that may hold a password (`SecretOption`), left out of its wrapper's, server's
    /// or foreign table's definition: named by its key and its object, never its value.
    private static let passwordOptions = """
        UNION ALL
        SELECT '\(UnmodelledObject.passwordOption)', o.schema, \(q("pg_catalog.split_part(i.item, '=', 1)")) || ' of ' || o.owner
        FROM (
            SELECT NULL::pg_catalog.name AS schema, 'foreign-data wrapper ' || \(q("w.fdwname")) AS owner, w.fdwoptions AS options
            FROM pg_catalog.pg_foreign_data_wrapper w
            WHERE w.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_foreign_data_wrapper", oid: "w.oid"))
            UNION ALL
            SELECT NULL, 'server ' || \(q("s.srvname")), s.srvoptions
            FROM pg_catalog.pg_foreign_server s
            WHERE s.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_foreign_server", oid: "s.oid"))
            UNION ALL
            SELECT n.nspname, t.owner, t.options
            FROM pg_catalog.pg_foreign_table ft JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            -- The table's own options, and each column's.
            CROSS JOIN LATERAL (
                SELECT 'foreign table ' || \(qualified("n.nspname", "c.relname")) AS owner, ft.ftoptions AS options
                UNION ALL
                SELECT 'column ' || \(q("a.attname")) || ' of foreign table ' || \(qualified("n.nspname", "c.relname")), a.attfdwoptions
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attfdwoptions IS NOT NULL
            ) t
            WHERE \(CatalogFilter.userSchema("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid"))
        ) o CROSS JOIN LATERAL pg_catalog.unnest(o.options) AS i(item)
        WHERE \(SecretOption.test("i.item"))
        """

    /// A subscription is the database's, and pg_dump writes it: the model leaves it out, as its
    /// connection (often with a password, which only a superuser may read) belongs to the
    /// environment, not to the schema. Named, so that `drift` and a plan do not pass it unseen.
    private static let subscriptions = """
        UNION ALL
        SELECT 'subscription', NULL, \(q("s.subname"))
        FROM pg_catalog.pg_subscription s
        WHERE s.subdbid = \(currentDatabase)
        """

    /// A setting the database gives its sessions (`ALTER DATABASE … SET`, or `ALTER ROLE … IN
    /// DATABASE … SET`; a migration names the database through `current_database()` in a `DO`
    /// block): the model holds the schema, not the database's session defaults, and a
    /// `search_path` or `statement_timeout` set there changes how every statement runs. Named
    /// by the setting alone: its value may be a secret (a custom setting holding a key).
    private static let databaseSettings = """
        UNION ALL
        SELECT 'setting of the database', NULL, \(q("pg_catalog.split_part(c.item, '=', 1)"))
               || CASE WHEN s.setrole <> 0 THEN ' for role ' || \(q("pg_catalog.pg_get_userbyid(s.setrole)")) ELSE '' END
        FROM pg_catalog.pg_db_role_setting s CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) AS c(item)
        WHERE s.setdatabase = \(currentDatabase)
        """

    /// The database's own privileges beside the default (`GRANT CONNECT ON DATABASE`, `REVOKE
    /// TEMPORARY … FROM PUBLIC`) and its comment, which a migration also writes through
    /// `current_database()`: the model holds the schema, not the database. Each privilege is
    /// named as it deviates from the default, as the model reads any object's (`PrivilegeSQL`);
    /// the comment without its text.
    private static let databaseProperties = """
        UNION ALL
        SELECT 'privilege of the database', NULL,
               (p.e->>'privilege') || CASE WHEN (p.e->>'revoked')::pg_catalog.bool THEN ' revoked from ' ELSE ' to ' END
               || CASE p.e->>'grantee' WHEN 'PUBLIC' THEN 'PUBLIC'
                  ELSE \(q("coalesce(p.e->>'grantee', pg_catalog.pg_get_userbyid(d.datdba))")) END
               || CASE WHEN (p.e->>'withGrantOption')::pg_catalog.bool THEN ' with grant option' ELSE '' END
        FROM pg_catalog.pg_database d
        CROSS JOIN LATERAL pg_catalog.json_array_elements(\(PrivilegeSQL.privileges(acl: "d.datacl", owner: "d.datdba", type: "'d'"))) AS p(e)
        WHERE d.oid = \(currentDatabase)
        UNION ALL
        SELECT 'comment', NULL, 'on the database'
        FROM pg_catalog.pg_shdescription c
        WHERE c.objoid = \(currentDatabase) AND c.classoid = 'pg_catalog.pg_database'::pg_catalog.regclass
        """

    /// The oid of the database inspected (the catalog stamp names it too).
    static let currentDatabase =
        "(SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())"

    /// A system object (initdb's: an oid below 16384) given another owner than initdb's
    /// superuser (`ALTER FUNCTION pg_catalog.pg_stat_reset() OWNER TO …`, which pg_dump's tests
    /// make): the model takes their owner to be the same everywhere, and writes the owner's
    /// privileges on them (`system privileges`) to that role by name; the owner itself it
    /// leaves out, so it is named. A scan of initdb's few thousand functions and types.
    private static let systemOwners = """
        UNION ALL
        SELECT 'owner of a system object', NULL, o.name || ' owned by ' || \(q("pg_catalog.pg_get_userbyid(o.owner)"))
        FROM (
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid, p.proowner AS owner,
                   'function ' || p.oid::pg_catalog.regprocedure::pg_catalog.text AS name
            FROM pg_catalog.pg_proc p WHERE p.oid < 16384 AND p.proowner <> 10
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typowner, 'type ' || t.oid::pg_catalog.regtype::pg_catalog.text
            FROM pg_catalog.pg_type t WHERE t.oid < 16384 AND t.typowner <> 10
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relowner, 'relation ' || c.oid::pg_catalog.regclass::pg_catalog.text
            FROM pg_catalog.pg_class c WHERE c.oid < 16384 AND c.relowner <> 10
            UNION ALL
            SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass, n.oid, n.nspowner, 'schema ' || \(q("n.nspname"))
            FROM pg_catalog.pg_namespace n WHERE n.oid < 16384 AND n.nspowner <> 10 AND n.nspname <> 'public'
            UNION ALL
            SELECT 'pg_catalog.pg_language'::pg_catalog.regclass, l.oid, l.lanowner, 'language ' || \(q("l.lanname"))
            FROM pg_catalog.pg_language l WHERE l.oid < 16384 AND l.lanowner <> 10
        ) o
        WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = o.classid AND e.objid = o.oid AND e.deptype = 'e')
        """

    /// A table, index or materialized view in a tablespace of its own: the model leaves the
    /// tablespace out (each environment's disks are its own, as `pg_dump --no-tablespaces`
    /// treats them), so it is named. Read only when the cluster has a tablespace besides
    /// initdb's two: the scan of every relation is then skipped by a one-time filter.
    private static let tablespaces = """
        UNION ALL
        SELECT 'tablespace ' || \(q("t.spcname")) || ' of ' || CASE c.relkind WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
                 WHEN 'm' THEN 'materialized view' ELSE 'table' END,
               n.nspname, \(qualified("n.nspname", "c.relname"))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
        WHERE c.reltablespace <> 0 AND c.relkind IN ('r', 'p', 'i', 'I', 'm')
          AND EXISTS (SELECT FROM pg_catalog.pg_tablespace s WHERE s.spcname NOT IN ('pg_default', 'pg_global'))
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid", internalToo: false))
        """

    static func decode(_ result: QueryResult) throws -> [UnmodelledObject] {
        try result.rows.map { row in
            UnmodelledObject(kind: try row.string("kind"), name: try row.string("name"),
                             schema: try row.optionalString("schema"))
        }
    }
}
