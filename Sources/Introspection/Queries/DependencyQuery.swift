import PostgresClient
import SchemaModel

/// What depends on what, between user objects. pg_depend, with both ends named
/// as pg_identify_object names them (`table public.users`, `function public.f(integer)`).
/// Some ends are moved to the object a person thinks of: a view's rewrite rule
/// (`_RETURN`) to the view, a column default or a table constraint to its table,
/// a domain constraint to its domain, an array type to its element type, a
/// table's row type to the table, and an extension's member to the extension.
/// Another rule is an end of its own, named as the model names it (`rule r on s.t`).
enum DependencyQuery {
    /// `kinds`: the kinds `DefinedObjectQuery.presentKindsColumn` found the database may hold (nil: all);
    /// the names of kinds it holds none of are not looked up (fewer branches to plan: the
    /// planning of this query was 8 ms of an inspection of a small database).
    static func sql(_ version: CatalogVersion, kinds: Set<String>? = nil) -> String {
        let holds = { (kind: String) in kinds?.contains(kind) ?? true }
        // A multirange (14+) counts as its range type: a domain or a composite over
        // `floatmultirange` must come after `CREATE TYPE floatrange AS RANGE`.
        let multirange = version.major >= 14
        let multirangeJoin = multirange
            ? "LEFT JOIN pg_catalog.pg_range mr ON t.typtype = 'm' AND mr.rngmultitypid = t.oid" : ""
        let multirangeClass = multirange ? "WHEN mr.rngtypid IS NOT NULL THEN 'pg_type'::pg_catalog.regclass" : ""
        let multirangeObject = multirange ? "WHEN mr.rngtypid IS NOT NULL THEN mr.rngtypid" : ""
        // The kinds made with a function of their own (a language's handler, a wrapper's
        // validator, a text search template's lexize), and those others name: they come
        // after such a function, and a function in a language after the language. One select each:
        // global ones by name, the others by schema and name, as the model names them.
        let global = [("pg_language", "language", "lanname"), ("pg_foreign_data_wrapper", "foreign-data wrapper", "fdwname"),
                      ("pg_foreign_server", "server", "srvname"), ("pg_am", "access method", "amname")]
        let inSchema = [("pg_ts_parser", "text search parser", "prs"), ("pg_ts_template", "text search template", "tmpl"),
                        ("pg_ts_dict", "text search dictionary", "dict"), ("pg_ts_config", "text search configuration", "cfg"),
                        ("pg_collation", "collation", "coll"), ("pg_conversion", "conversion", "con")]
        let namedByName = global.map { catalog, type, name in
            (type, """
            SELECT '\(catalog)'::pg_catalog.regclass, x.oid, NULL, '\(type)', pg_catalog.quote_ident(x.\(name))
                        FROM pg_catalog.\(catalog) x WHERE x.oid IN (SELECT objid FROM ends WHERE classid = '\(catalog)'::pg_catalog.regclass)
            """)
        } + inSchema.map { catalog, type, prefix in
            (type, """
            SELECT '\(catalog)'::pg_catalog.regclass, x.oid, n.nspname, '\(type)',
                               pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(x.\(prefix)name)
                        FROM pg_catalog.\(catalog) x JOIN pg_catalog.pg_namespace n ON n.oid = x.\(prefix)namespace
                        WHERE x.oid IN (SELECT objid FROM ends WHERE classid = '\(catalog)'::pg_catalog.regclass)
            """)
        }
        // Members of a relation, named `name on schema.relation`: a trigger, a rule (not a view's
        // own, which is the view: dropped and made again around what it calls or reads), a
        // policy, a table constraint.
        let members = [("pg_trigger", "trigger", "tg", "tgname", "tgrelid"), ("pg_rewrite", "rule", "rw", "rulename", "ev_class"),
                       ("pg_policy", "policy", "po", "polname", "polrelid"), ("pg_constraint", "table constraint", "co", "conname", "conrelid")]
        let onRelation = members.map { catalog, type, alias, name, relation in
            """
            SELECT '\(catalog)'::pg_catalog.regclass, \(alias).oid, NULL, '\(type)',
                               pg_catalog.quote_ident(\(alias).\(name)) || ' on ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
                        FROM pg_catalog.\(catalog) \(alias) JOIN pg_catalog.pg_class c ON c.oid = \(alias).\(relation)
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE \(alias).oid IN (SELECT objid FROM ends WHERE classid = '\(catalog)'::pg_catalog.regclass)
            """
        }.joined(separator: "\n            UNION ALL\n            ")
        // The kinds of user objects a database may hold none of, each looked up only where it may.
        let lookedUp = [
            // Operators and their classes and families, named as the model names them
            // (schema.name(signature), unquoted): views, indexes and exclusion constraints use them.
            ("operator", """
            SELECT 'pg_operator'::pg_catalog.regclass, o.oid, n.nspname, 'operator',
                   n.nspname || '.' || o.oprname || '(' || coalesce(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
                   || coalesce(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') || ')'
            FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
            WHERE o.oid IN (SELECT objid FROM ends WHERE classid = 'pg_operator'::pg_catalog.regclass)
            """),
            ("operator class", """
            SELECT 'pg_opclass'::pg_catalog.regclass, oc.oid, n.nspname, 'operator class', n.nspname || '.' || oc.opcname || '(' || am.amname || ')'
            FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
            WHERE oc.oid IN (SELECT objid FROM ends WHERE classid = 'pg_opclass'::pg_catalog.regclass)
            """),
            ("operator family", """
            SELECT 'pg_opfamily'::pg_catalog.regclass, f.oid, n.nspname, 'operator family', n.nspname || '.' || f.opfname || '(' || am.amname || ')'
            FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
            WHERE f.oid IN (SELECT objid FROM ends WHERE classid = 'pg_opfamily'::pg_catalog.regclass)
            """),
            // A function in a language depends on the transform for its argument and result types.
            ("transform", """
            SELECT 'pg_transform'::pg_catalog.regclass, x.oid, NULL, 'transform',
                   'FOR ' || pg_catalog.format_type(x.trftype, NULL) || ' LANGUAGE ' || pg_catalog.quote_ident(l.lanname)
            FROM pg_catalog.pg_transform x JOIN pg_catalog.pg_language l ON l.oid = x.trflang
            WHERE x.oid IN (SELECT objid FROM ends WHERE classid = 'pg_transform'::pg_catalog.regclass)
            """),
            // A user mapping is made again with its server (named as the model names it; the
            // view, since pg_user_mapping itself is a superuser's: it holds the options).
            ("user mapping", """
            SELECT 'pg_user_mapping'::pg_catalog.regclass, x.umid, NULL, 'user mapping',
                   'for ' || CASE WHEN x.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(x.usename) END
                   || ' on server ' || pg_catalog.quote_ident(x.srvname)
            FROM pg_catalog.pg_user_mappings x
            WHERE x.umid IN (SELECT objid FROM ends WHERE classid = 'pg_user_mapping'::pg_catalog.regclass)
            """),
        ]
        return """
        WITH raw AS (
            SELECT d.classid, d.objid, d.refclassid, d.refobjid
            FROM pg_catalog.pg_depend d
            -- Normal dependencies only: the automatic ones are an object's ties to its
            -- own parent (an index to its table, a constraint to its columns), which
            -- the model's nesting already says.
            WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384
            UNION
            -- A foreign table that is a partition comes after its parent (that dependency is automatic).
            SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid, h.inhrelid, 'pg_class'::pg_catalog.regclass::pg_catalog.oid, h.inhparent
            FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_foreign_table f ON f.ftrelid = h.inhrelid
        ), dependent AS (
            SELECT CASE WHEN r.classid = 'pg_rewrite'::pg_catalog.regclass AND rw.rulename = '_RETURN' THEN 'pg_class'::pg_catalog.regclass
                        WHEN r.classid = 'pg_attrdef'::pg_catalog.regclass THEN 'pg_class'::pg_catalog.regclass
                        WHEN r.classid = 'pg_constraint'::pg_catalog.regclass AND con.conrelid <> 0 THEN 'pg_class'::pg_catalog.regclass
                        WHEN r.classid = 'pg_constraint'::pg_catalog.regclass THEN 'pg_type'::pg_catalog.regclass
                        ELSE r.classid END AS classid,
                   CASE WHEN r.classid = 'pg_rewrite'::pg_catalog.regclass AND rw.rulename = '_RETURN' THEN rw.ev_class
                        WHEN r.classid = 'pg_attrdef'::pg_catalog.regclass THEN ad.adrelid
                        WHEN r.classid = 'pg_constraint'::pg_catalog.regclass AND con.conrelid <> 0 THEN con.conrelid
                        WHEN r.classid = 'pg_constraint'::pg_catalog.regclass THEN con.contypid
                        ELSE r.objid END AS objid,
                   r.refclassid, r.refobjid
            FROM raw r
            LEFT JOIN pg_catalog.pg_rewrite rw ON r.classid = 'pg_rewrite'::pg_catalog.regclass AND rw.oid = r.objid
            LEFT JOIN pg_catalog.pg_attrdef ad ON r.classid = 'pg_attrdef'::pg_catalog.regclass AND ad.oid = r.objid
            LEFT JOIN pg_catalog.pg_constraint con ON r.classid = 'pg_constraint'::pg_catalog.regclass AND con.oid = r.objid
        ), referenced AS (
            SELECT d.classid, d.objid,
                   CASE WHEN ext.refobjid IS NOT NULL THEN 'pg_extension'::pg_catalog.regclass
                        WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN 'pg_type'::pg_catalog.regclass
                        \(multirangeClass)
                        WHEN t.typrelid <> 0 AND rc.relkind <> 'c' THEN 'pg_class'::pg_catalog.regclass
                        ELSE d.refclassid END AS refclassid,
                   CASE WHEN ext.refobjid IS NOT NULL THEN ext.refobjid
                        WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem
                        \(multirangeObject)
                        WHEN t.typrelid <> 0 AND rc.relkind <> 'c' THEN t.typrelid
                        ELSE d.refobjid END AS refobjid
            FROM dependent d
            LEFT JOIN pg_catalog.pg_depend ext ON ext.classid = d.refclassid AND ext.objid = d.refobjid AND ext.deptype = 'e'
            LEFT JOIN pg_catalog.pg_type t ON d.refclassid = 'pg_type'::pg_catalog.regclass AND t.oid = d.refobjid
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
            \(multirangeJoin)
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                              WHERE x.classid = d.classid AND x.objid = d.objid AND x.deptype = 'e')
        ), pairs AS (
            SELECT DISTINCT classid, objid, refclassid, refobjid FROM referenced
            WHERE (classid, objid) IS DISTINCT FROM (refclassid, refobjid)
        ), ends AS (
            SELECT classid, objid FROM pairs UNION SELECT refclassid, refobjid FROM pairs
        ), named AS (
            -- Names as pg_identify_object gives them, built set-wise: calling it
            -- twice per edge was a third of the whole inspection at 5,000 tables.
            SELECT 'pg_class'::pg_catalog.regclass AS classid, c.oid AS objid, n.nspname AS schema,
                   CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                        WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'c' THEN 'composite type'
                        WHEN 'f' THEN 'foreign table' WHEN 't' THEN 'toast table' ELSE 'table' END AS type,
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS identity
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid IN (SELECT objid FROM ends WHERE classid = 'pg_class'::pg_catalog.regclass)
            UNION ALL
            SELECT 'pg_proc'::pg_catalog.regclass, p.oid, n.nspname,
                   CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                   p.oid::pg_catalog.regprocedure::text
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE p.oid IN (SELECT objid FROM ends WHERE classid = 'pg_proc'::pg_catalog.regclass)
            UNION ALL
            SELECT 'pg_type'::pg_catalog.regclass, t.oid, n.nspname, 'type', pg_catalog.format_type(t.oid, NULL)
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.oid IN (SELECT objid FROM ends WHERE classid = 'pg_type'::pg_catalog.regclass)
            UNION ALL
            \(onRelation)
            UNION ALL
            SELECT 'pg_extension'::pg_catalog.regclass, e.oid, NULL, 'extension', pg_catalog.quote_ident(e.extname)
            FROM pg_catalog.pg_extension e
            \((lookedUp + namedByName).filter { holds($0.0) }.map { "UNION ALL\n            " + $0.1 + "\n" }.joined())
            UNION ALL
            SELECT 'pg_namespace'::pg_catalog.regclass, n.oid, n.nspname, 'schema', pg_catalog.quote_ident(n.nspname)
            FROM pg_catalog.pg_namespace n WHERE n.oid >= 16384
        )
        SELECT a.type AS dependent_type, a.identity AS dependent_identity,
               b.type AS referenced_type, b.identity AS referenced_identity,
               a.schema AS dependent_schema, b.schema AS referenced_schema
        FROM pairs p
        JOIN named a ON a.classid = p.classid AND a.objid = p.objid
        JOIN named b ON b.classid = p.refclassid AND b.objid = p.refobjid
        WHERE a.type <> 'toast table'
        """
    }

    static func decode(_ result: QueryResult, filter: SchemaFilter) throws -> [Dependency] {
        try result.rows.compactMap { row in
            let dependentSchema = try row.optionalString("dependent_schema")
            let referencedSchema = try row.optionalString("referenced_schema")
            for schema in [dependentSchema, referencedSchema].compactMap({ $0 }) where !filter.includes(schema) || isSystem(schema) {
                return nil
            }
            let dependent = ObjectAddress(type: try row.string("dependent_type"), identity: try row.string("dependent_identity"))
            let referenced = ObjectAddress(type: try row.string("referenced_type"), identity: try row.string("referenced_identity"))
            guard dependent != referenced else { return nil }
            return Dependency(dependent: dependent, referenced: referenced)
        }
    }

    private static func isSystem(_ schema: String) -> Bool {
        schema == "pg_catalog" || schema == "information_schema" || schema.hasPrefix("pg_toast") || schema.hasPrefix("pg_temp_")
    }
}
