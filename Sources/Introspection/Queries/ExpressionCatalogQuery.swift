import PostgresClient
import Support

/// pg_catalog's operators and functions, which `ExpressionDeparser` names
/// bare; enum types and labels, for enum constants; the server's byte order.
///
/// A function is listed only where a call by its bare name and exact argument
/// types can find nothing else: not variadic, and no function of that name
/// with defaults or variadic arguments (whose expansions func_get_detail would
/// weigh too). Other functions are left to the server.
///
/// pg_catalog's part is initdb's wherever no one added to it, the same in every
/// database of a server and on every server of one catalog: it is read once per
/// process (`systemCache`), and each inspection reads the enums alone. Reading
/// all of it took 8 ms of the server's time and 3,800 rows per inspection, and
/// the tests and proofs inspect thousands of small databases.
enum ExpressionCatalogQuery {
    static let systemSQL = """
        SELECT 'o' AS kind, o.oid::pg_catalog.text AS oid, o.oprname::pg_catalog.text AS name,
               o.oprleft::pg_catalog.text AS left_type, o.oprright::pg_catalog.text AS right_type, NULL AS argument_types
        FROM pg_catalog.pg_operator o
        WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
        UNION ALL
        SELECT 'f', p.oid::pg_catalog.text, pg_catalog.quote_ident(p.proname), NULL, NULL, p.proargtypes::pg_catalog.text
        FROM (SELECT p.*, pg_catalog.bool_and(p.provariadic = 0 AND p.pronargdefaults = 0) OVER (PARTITION BY p.proname) AS plain
              FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace) p
        WHERE p.plain AND p.prokind = 'f'
        UNION ALL
        -- The server's byte order, as its node trees show datums: jsonb_set's
        -- last argument defaults to true, one byte of 1 in an 8-byte Datum.
        SELECT 'e', '0', (pg_catalog.strpos(p.proargdefaults::pg_catalog.text, ':constvalue 1 [ 1 0 0 0 0 0 0 0 ]') > 0)::pg_catalog.text,
               NULL, NULL, NULL
        FROM pg_catalog.pg_proc p
        WHERE p.oid = 'pg_catalog.jsonb_set(pg_catalog.jsonb, pg_catalog.text[], pg_catalog.jsonb, pg_catalog.bool)'::pg_catalog.regprocedure
        """

    static let enumSQL = """
        SELECT 't' AS kind, t.oid::pg_catalog.text AS oid,
               CASE WHEN n.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(t.typname)
                    ELSE pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname) END AS name,
               NULL AS left_type, NULL AS right_type, NULL AS argument_types
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'e'
        UNION ALL
        SELECT 'l', e.oid::pg_catalog.text, e.enumlabel::pg_catalog.text, NULL, NULL, NULL
        FROM pg_catalog.pg_enum e
        """

    /// Both parts in one query: where pg_catalog's part is not known yet, or not initdb's.
    static let sql = systemSQL + "\nUNION ALL\n" + enumSQL

    /// A select-list item for the inspection's opening query: the key under which this
    /// database's pg_catalog part may be shared (the server's version and the last oid
    /// initdb gave a function and an operator there), or NULL where anything of pg_catalog
    /// was made after initdb (an oid from 16384: a superuser's function, an extension
    /// installed there), which is then read with the rest. Index lookups only.
    static let systemKeyColumn = """
        CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_proc x WHERE x.oid >= 16384 AND x.pronamespace = 'pg_catalog'::pg_catalog.regnamespace)
               OR EXISTS (SELECT FROM pg_catalog.pg_operator x WHERE x.oid >= 16384 AND x.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace)
             THEN NULL
             ELSE pg_catalog.current_setting('server_version_num') || '/'
                  || (SELECT max(x.oid) FROM pg_catalog.pg_proc x WHERE x.oid < 16384)::pg_catalog.text || '/'
                  || (SELECT max(x.oid) FROM pg_catalog.pg_operator x WHERE x.oid < 16384)::pg_catalog.text
        END AS expression_catalog_key
        """

    /// pg_catalog's part of the expression catalog (operators, functions, byte order), by
    /// `systemKeyColumn`'s key, for the process.
    static let systemCache = Mutex([String: ExpressionCatalog]())

    /// Keeps `catalog`'s pg_catalog part under `key`.
    static func keepSystemPart(of catalog: ExpressionCatalog, for key: String) {
        var system = ExpressionCatalog()
        system.operators = catalog.operators
        system.functions = catalog.functions
        system.littleEndianDatums = catalog.littleEndianDatums
        systemCache.withLock { $0[key] = system }
    }

    /// The catalog in `result`, over `system` (pg_catalog's part, from the cache) where given.
    static func decode(_ result: QueryResult, system: ExpressionCatalog? = nil) throws -> ExpressionCatalog {
        var catalog = system ?? ExpressionCatalog()
        for row in result.rows {
            guard let oid = UInt32(try row.string("oid")) else { continue }
            let kind = try row.string("kind")
            if kind == "e" {
                catalog.littleEndianDatums = try row.string("name") == "true"
            } else if kind == "t" {
                catalog.enumTypes[oid] = try row.string("name")
            } else if kind == "l" {
                catalog.enumLabels[oid] = try row.string("name")
            } else if kind == "o" {
                catalog.operators[oid] = ExpressionCatalog.Operator(
                    name: try row.string("name"),
                    left: UInt32(try row.string("left_type")) ?? 0, right: UInt32(try row.string("right_type")) ?? 0)
            } else {
                // oidvector prints as space-separated numbers.
                let types = try row.string("argument_types").split(separator: " ").compactMap { UInt32($0) }
                catalog.functions[oid] = ExpressionCatalog.Function(quotedName: try row.string("name"), argumentTypes: types)
            }
        }
        return catalog
    }
}
