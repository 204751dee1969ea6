import PostgresClient
import SchemaModel

/// Extensions. pg_extension: information_schema does not know extensions.
/// plpgsql is left out: every database has it from template1.
enum ExtensionQuery {
    static let sql = """
        SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version, d.description AS comment
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_extension", oid: "e.oid"))
        WHERE e.extname <> 'plpgsql'
        """

    static func decode(_ result: QueryResult) throws -> [Extension] {
        try result.rows.map {
            Extension(name: try $0.string("name"), schema: try $0.string("schema"), version: try $0.string("version"),
                      comment: try $0.optionalString("comment"))
        }
    }
}
