import PostgresClient
import SchemaModel

/// Functions and procedures (not aggregates). pg_proc: information_schema.routines
/// has no identity arguments, no SET configuration, no leakproof or parallel safety.
/// PostgreSQL 14 added SQL-standard bodies (`prosqlbody`); on 13 the body is `prosrc`.
enum FunctionQuery {
    static func sql(_ version: CatalogVersion) -> String {
        let body = version.major >= 14
            ? "CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) ELSE p.prosrc END"
            : "p.prosrc"
        return """
            SELECT n.nspname AS schema, p.proname AS name, d.description AS comment, p.prokind AS kind,
                   pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
                   pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
                   CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
                   l.lanname AS language, p.provolatile AS volatility, p.proisstrict AS strict,
                   p.prosecdef AS security_definer, p.proleakproof AS leakproof, p.proparallel AS parallel,
                   p.proconfig AS configuration, \(body) AS body,
                   CASE WHEN p.procost <> CASE WHEN l.lanname IN ('c', 'internal') THEN 1 ELSE 100 END
                        THEN p.procost::pg_catalog.text END AS cost,
                   CASE WHEN p.proretset AND p.prorows <> 1000 THEN p.prorows::pg_catalog.text END AS rows,
                   pg_catalog.pg_get_functiondef(p.oid) AS definition,
               \(PrivilegeSQL.owner("p.proowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "p.proacl", owner: "p.proowner", type: "'f'")) AS privileges
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_proc", oid: "p.oid"))
            WHERE p.prokind IN ('f', 'p', 'w') AND \(CatalogFilter.userSchema("n.nspname"))
              AND \(CatalogFilter.notExtensionMember(catalog: "pg_proc", oid: "p.oid"))
              -- A range type's constructors are the type's (an internal dependency), not the user's.
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE dep.objid = p.oid AND dep.deptype = 'i'
                              AND dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass)
            """
    }

    static func decode(_ result: QueryResult) throws -> [Function] {
        try result.rows.map { row in
            try row.owned(Function(
                name: try row.qualifiedName(),
                kind: ["p": .procedure, "w": .window][try row.string("kind")] ?? .function,
                identityArguments: try row.string("identity_arguments"), arguments: try row.string("arguments"),
                result: try row.optionalString("result"), language: try row.string("language"),
                volatility: ["i": "IMMUTABLE", "s": "STABLE"][try row.string("volatility")] ?? "VOLATILE",
                strict: try row.bool("strict"), securityDefiner: try row.bool("security_definer"),
                leakproof: try row.bool("leakproof"),
                parallel: ["s": "SAFE", "r": "RESTRICTED"][try row.string("parallel")] ?? "UNSAFE",
                configuration: try row.stringArray("configuration"),
                cost: try row.optionalString("cost"), rows: try row.optionalString("rows"), body: try row.string("body"),
                definition: try row.string("definition"), comment: try row.optionalString("comment")))
        }
    }
}
