import PostgresClient
import SchemaModel

/// Schemas. pg_namespace: information_schema.schemata shows only schemas the
/// current role owns or can use, and has no comments.
enum NamespaceQuery {
    static let sql = """
        SELECT n.nspname AS name, d.description AS comment
        FROM pg_catalog.pg_namespace n
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_namespace", oid: "n.oid"))
        WHERE \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_namespace", oid: "n.oid"))
        """

    static func decode(_ result: QueryResult) throws -> [Namespace] {
        try result.rows.map { Namespace(name: try $0.string("name"), comment: try $0.optionalString("comment")) }
    }
}
