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

    /// Neither an extension's member nor part of another object (a range
    /// type's constructors and its cast to the multirange are the type's).
    private static func notMember(_ catalog: String, _ oid: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '\(catalog)'::pg_catalog.regclass \
        AND e.objid = \(oid) AND e.deptype IN ('e', 'i'))
        """
    }

    /// Objects a user made: the system's own have oids below FirstNormalObjectId.
    private static func userMade(_ catalog: String, _ oid: String) -> String {
        "\(oid) >= 16384 AND \(notMember(catalog, oid))"
    }

    /// Objects in a schema: `alias` is the catalog row, `namespace` its namespace column.
    private static func inUserSchema(_ catalog: String, _ alias: String, _ namespace: String) -> String {
        """
        JOIN pg_catalog.pg_namespace n ON n.oid = \(alias).\(namespace)
        WHERE \(CatalogFilter.userSchema("n.nspname")) AND \(notMember(catalog, "\(alias).oid"))
        """
    }

    static func sql(_ version: CatalogVersion) -> String {
        let relationKind = """
            CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' \
            WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' \
            WHEN 'c' THEN 'composite type' ELSE 'relation' END
            """
        let tableAccessMethod = """
            (r.relkind = 'm' AND r.relam <> (SELECT oid FROM pg_catalog.pg_am WHERE amname = 'heap'))
            """
        let relationName = qualified("r.nspname", "r.relname")
        let functionName = "\(qualified("n.nspname", "p.proname")) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'"
        return """
        WITH r AS (
            SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.reloptions, c.relam, c.relreplident,
                   c.reloftype, c.relacl, n.nspname
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND \(CatalogFilter.userSchema("n.nspname"))
              AND \(notMember("pg_class", "c.oid"))
        )
        SELECT f.kind, r.nspname AS schema, \(relationName) AS name
        FROM r CROSS JOIN LATERAL (VALUES
            ('foreign table', r.relkind = 'f'),
            ('access method of ' || \(relationKind), \(tableAccessMethod)),
            ('privileges on foreign table', r.relkind = 'f' AND r.relacl IS NOT NULL)
        ) AS f(kind, applies)
        WHERE f.applies
        UNION ALL
        SELECT f.kind, r.nspname, \(relationName) || '.' || \(q("a.attname"))
        FROM r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
                                              AND r.relkind IN ('v', 'c', 'f')
        LEFT JOIN pg_catalog.pg_description d
          ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
        CROSS JOIN LATERAL (VALUES
            ('privileges on column of ' || \(relationKind), r.relkind IN ('v', 'f') AND a.attacl IS NOT NULL),
            ('default of view column', r.relkind = 'v' AND a.atthasdef),
            ('comment on column of ' || \(relationKind), r.relkind IN ('v', 'c', 'f') AND d.description IS NOT NULL)
        ) AS f(kind, applies)
        WHERE f.applies
        UNION ALL
        SELECT CASE t.typtype WHEN 'r' THEN 'range type' WHEN 'b' THEN 'base type' ELSE 'shell type' END, n.nspname,
               \(qualified("n.nspname", "t.typname"))
        FROM pg_catalog.pg_type t
        \(inUserSchema("pg_type", "t", "typnamespace")) AND t.typtype IN ('r', 'b', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
        UNION ALL
        SELECT 'comment on constraint of domain', n.nspname,
               \(q("con.conname")) || ' on ' || \(qualified("n.nspname", "t.typname"))
        FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_type t ON t.oid = con.contypid
        JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
        \(inUserSchema("pg_type", "t", "typnamespace"))
        UNION ALL
        SELECT 'aggregate', n.nspname, \(functionName)
        FROM pg_catalog.pg_proc p
        \(inUserSchema("pg_proc", "p", "pronamespace")) AND p.prokind = 'a'
        UNION ALL
        SELECT 'operator', n.nspname, \(q("n.nspname")) || '.' || o.oprname || '('
               || coalesce(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
               || coalesce(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') || ')'
        FROM pg_catalog.pg_operator o \(inUserSchema("pg_operator", "o", "oprnamespace"))
        UNION ALL
        SELECT 'operator class', n.nspname, \(qualified("n.nspname", "oc.opcname")) || ' USING ' || am.amname
        FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
        \(inUserSchema("pg_opclass", "oc", "opcnamespace"))
        UNION ALL
        SELECT 'operator family', n.nspname, \(qualified("n.nspname", "of.opfname")) || ' USING ' || am.amname
        FROM pg_catalog.pg_opfamily of JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod
        \(inUserSchema("pg_opfamily", "of", "opfnamespace"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc WHERE oc.opcfamily = of.oid
                          AND oc.opcname = of.opfname AND oc.opcnamespace = of.opfnamespace)
        UNION ALL
        SELECT 'collation', n.nspname, \(qualified("n.nspname", "co.collname"))
        FROM pg_catalog.pg_collation co \(inUserSchema("pg_collation", "co", "collnamespace"))
        UNION ALL
        SELECT 'conversion', n.nspname, \(qualified("n.nspname", "cv.conname"))
        FROM pg_catalog.pg_conversion cv \(inUserSchema("pg_conversion", "cv", "connamespace"))
        UNION ALL
        SELECT 'text search configuration', n.nspname, \(qualified("n.nspname", "x.cfgname"))
        FROM pg_catalog.pg_ts_config x \(inUserSchema("pg_ts_config", "x", "cfgnamespace"))
        UNION ALL
        SELECT 'text search dictionary', n.nspname, \(qualified("n.nspname", "x.dictname"))
        FROM pg_catalog.pg_ts_dict x \(inUserSchema("pg_ts_dict", "x", "dictnamespace"))
        UNION ALL
        SELECT 'text search parser', n.nspname, \(qualified("n.nspname", "x.prsname"))
        FROM pg_catalog.pg_ts_parser x \(inUserSchema("pg_ts_parser", "x", "prsnamespace"))
        UNION ALL
        SELECT 'text search template', n.nspname, \(qualified("n.nspname", "x.tmplname"))
        FROM pg_catalog.pg_ts_template x \(inUserSchema("pg_ts_template", "x", "tmplnamespace"))
        UNION ALL
        SELECT 'statistics object', n.nspname, \(qualified("n.nspname", "x.stxname"))
        FROM pg_catalog.pg_statistic_ext x \(inUserSchema("pg_statistic_ext", "x", "stxnamespace"))
        UNION ALL
        SELECT 'rule', n.nspname, \(q("w.rulename")) || ' on ' || \(qualified("n.nspname", "c.relname"))
        FROM pg_catalog.pg_rewrite w JOIN pg_catalog.pg_class c ON c.oid = w.ev_class
        \(inUserSchema("pg_class", "c", "relnamespace")) AND w.rulename <> '_RETURN'
        UNION ALL
        SELECT CASE WHEN c.relkind IN ('r', 'p') THEN 'state of trigger on partition'
                    ELSE 'trigger on ' || CASE c.relkind WHEN 'v' THEN 'view' WHEN 'f' THEN 'foreign table' ELSE 'relation' END
               END, n.nspname, \(q("t.tgname")) || ' on ' || \(qualified("n.nspname", "c.relname"))
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        \(inUserSchema("pg_class", "c", "relnamespace")) AND NOT t.tgisinternal
          AND (c.relkind NOT IN ('r', 'p')
               OR (t.tgparentid <> 0 AND t.tgenabled <> (SELECT pt.tgenabled FROM pg_catalog.pg_trigger pt WHERE pt.oid = t.tgparentid)))
        UNION ALL
        SELECT 'event trigger', NULL, \(q("x.evtname"))
        FROM pg_catalog.pg_event_trigger x WHERE \(userMade("pg_event_trigger", "x.oid"))
        UNION ALL
        SELECT 'publication', NULL, \(q("x.pubname")) FROM pg_catalog.pg_publication x
        UNION ALL
        SELECT 'cast', NULL, '(' || pg_catalog.format_type(x.castsource, NULL) || ' AS '
               || pg_catalog.format_type(x.casttarget, NULL) || ')'
        FROM pg_catalog.pg_cast x WHERE \(userMade("pg_cast", "x.oid"))
        UNION ALL
        SELECT 'foreign-data wrapper', NULL, \(q("x.fdwname"))
        FROM pg_catalog.pg_foreign_data_wrapper x WHERE \(userMade("pg_foreign_data_wrapper", "x.oid"))
        UNION ALL
        SELECT 'foreign server', NULL, \(q("x.srvname"))
        FROM pg_catalog.pg_foreign_server x WHERE \(userMade("pg_foreign_server", "x.oid"))
        UNION ALL
        SELECT 'user mapping', NULL, 'for ' || \(q("x.usename")) || ' on server ' || \(q("x.srvname"))
        FROM pg_catalog.pg_user_mappings x
        UNION ALL
        SELECT 'language', NULL, \(q("x.lanname"))
        FROM pg_catalog.pg_language x WHERE \(userMade("pg_language", "x.oid"))
        UNION ALL
        SELECT 'access method', NULL, \(q("x.amname"))
        FROM pg_catalog.pg_am x WHERE \(userMade("pg_am", "x.oid"))
        UNION ALL
        SELECT 'transform', NULL, 'for ' || pg_catalog.format_type(x.trftype, NULL) || ' language ' || \(q("l.lanname"))
        FROM pg_catalog.pg_transform x JOIN pg_catalog.pg_language l ON l.oid = x.trflang
        WHERE \(userMade("pg_transform", "x.oid"))
        UNION ALL
        SELECT 'default privileges', n.nspname, 'for role ' || \(q("pg_catalog.pg_get_userbyid(x.defaclrole)"))
               || coalesce(' in schema ' || \(q("n.nspname")), '') || ' on '
               || CASE x.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                  WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE 'objects' END
        FROM pg_catalog.pg_default_acl x LEFT JOIN pg_catalog.pg_namespace n ON n.oid = x.defaclnamespace
        UNION ALL
        SELECT 'security label', NULL, pg_catalog.pg_describe_object(x.classoid, x.objoid, x.objsubid)
               || ' (' || x.provider || ')'
        FROM pg_catalog.pg_seclabel x WHERE x.objoid >= 16384
        """
    }

    static func decode(_ result: QueryResult) throws -> [UnmodelledObject] {
        try result.rows.map { row in
            UnmodelledObject(kind: try row.string("kind"), name: try row.string("name"),
                             schema: try row.optionalString("schema"))
        }
    }
}
