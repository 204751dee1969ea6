import PostgresClient
import SchemaModel

/// Schemas. pg_namespace: information_schema.schemata shows only schemas the
/// current role owns or can use, and has no comments.
enum NamespaceQuery {
    static let sql = """
        SELECT n.nspname AS name, d.description AS comment,
               \(PrivilegeSQL.owner("n.nspowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "n.nspacl", owner: "n.nspowner", type: "'n'", initial: "(SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip WHERE ip.objoid = n.oid AND ip.objsubid = 0 AND ip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass)")) AS privileges
        FROM pg_catalog.pg_namespace n
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_namespace", oid: "n.oid"))
        WHERE \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_namespace", oid: "n.oid"))
        """

    static func decode(_ result: QueryResult) throws -> [Namespace] {
        try result.rows.map { try $0.owned(Namespace(name: try $0.string("name"), comment: try $0.optionalString("comment"))) }
    }
}
