import PostgresClient
import SQLText
import SchemaModel

/// Row-level security policies. pg_policy: pg_policies is a view over the same
/// catalog that formats roles as names already, but hides the qualified table.
enum PolicyQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS table_name, p.polname AS name, d.description AS comment,
               p.polcmd AS command, p.polpermissive AS permissive,
               (SELECT pg_catalog.array_agg(CASE WHEN r.role = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.role) END)
                  FROM pg_catalog.unnest(p.polroles) r(role)) AS roles,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expression,
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression
        FROM pg_catalog.pg_policy p
        JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_policy", oid: "p.oid"))
        WHERE \(CatalogFilter.userSchema("n.nspname"))
        """

    static func decode(_ result: QueryResult) throws -> [(QualifiedName, Policy)] {
        try result.rows.map { row in
            let policy = Policy(
                name: try row.string("name"),
                command: ["r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"][try row.string("command")] ?? "ALL",
                permissive: try row.bool("permissive"),
                roles: try row.stringArray("roles").sorted { $0.precedes($1) },
                using: try row.optionalString("using_expression"), withCheck: try row.optionalString("check_expression"),
                comment: try row.optionalString("comment"))
            return (try row.qualifiedName(name: "table_name"), policy)
        }
    }
}
