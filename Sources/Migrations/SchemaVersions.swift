import PostgresClient

/// The `schema_versions` table of the guide: which migrations a database has
/// applied, and which of them were rolled back.
public enum SchemaVersions {
    /// The guide's definition, verbatim in substance. The tool may add nullable
    /// columns to it, never remove or rename one.
    public static let createStatement = """
        CREATE TABLE IF NOT EXISTS schema_versions (
          id SERIAL PRIMARY KEY,
          version TEXT NOT NULL UNIQUE,
          applied_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
          description TEXT,
          is_active BOOLEAN DEFAULT TRUE,
          rolled_back_at TIMESTAMP WITH TIME ZONE
        )
        """

    /// The nullable column where `apply` records each file's SHA-256 as applied.
    /// SQL that is true when `version` (a literal) is marked rolled back, as the guide's rollback marks it.
    public static func markedRolledBack(_ versionLiteral: String) -> String {
        "EXISTS (SELECT 1 FROM schema_versions WHERE version = \(versionLiteral) AND NOT coalesce(is_active, true) AND rolled_back_at IS NOT NULL)"
    }

    public static let addChecksumColumn = "ALTER TABLE schema_versions ADD COLUMN IF NOT EXISTS checksum TEXT"

    /// One row of `schema_versions`.
    public struct Entry: Hashable, Sendable {
        public let version: String
        public let description: String?
        public let isActive: Bool
        public let appliedAt: String?
        public let rolledBackAt: String?
        /// SHA-256 of the file as applied, when the table has the optional
        /// `checksum` column (the tool may add it; the guide's table lacks it).
        public let checksum: String?
    }

    /// The rows of `schema_versions` ordered by version, or nil when the database
    /// has no such table on its search path.
    public static func read(_ connection: Connection) throws -> [Entry]? {
        let exists = try connection.query("""
            SELECT to_regclass('schema_versions') IS NOT NULL AS present,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                           WHERE attrelid = to_regclass('schema_versions') AND attname = 'checksum' AND NOT attisdropped) AS has_checksum
            """)
        guard let row = exists.rows.first, try row.bool("present") else {
            try checkNotHidden(connection)
            return nil
        }
        let checksum = try row.bool("has_checksum") ? "checksum::text" : "NULL::text"
        let result = try connection.query("""
            SELECT version, description, coalesce(is_active, true) AS is_active,
                   applied_at::text AS applied_at, rolled_back_at::text AS rolled_back_at, \(checksum) AS checksum
            FROM schema_versions
            ORDER BY version COLLATE "C"
            """)
        return try result.rows.map { row in
            Entry(version: try row.string("version"), description: try row.optionalString("description"),
                  isActive: try row.bool("is_active"), appliedAt: try row.optionalString("applied_at"),
                  rolledBackAt: try row.optionalString("rolled_back_at"), checksum: try row.optionalString("checksum"))
        }
    }

    /// Columns the tool itself may add to `schema_versions` (nullable, never in
    /// the guide's definition): never drift.
    public static let toolColumns: Set<String> = ["checksum"]

    /// A `schema_versions` that exists but that this role cannot see (no USAGE
    /// on its schema) is a permission problem, not a database never migrated.
    private static func checkNotHidden(_ connection: Connection) throws {
        let hidden = try connection.query("""
            SELECT n.nspname, current_user AS role FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relname = 'schema_versions' AND c.relkind IN ('r', 'p', 'v')
               AND NOT pg_catalog.has_schema_privilege(n.oid, 'USAGE')
             ORDER BY 1 LIMIT 1
            """).rows.first
        guard let hidden else { return }
        throw SchemaVersionsError.notVisible(server: connection.server, schema: try hidden.string("nspname"),
                                             role: try hidden.string("role"))
    }
}

/// Why `schema_versions` could not be read.
public enum SchemaVersionsError: Error, Sendable, CustomStringConvertible {
    case notVisible(server: String, schema: String, role: String)

    public var description: String {
        switch self {
        case let .notVisible(server, schema, role):
            return "\(server): schema_versions exists in schema \(schema), but role \(role) has no USAGE privilege on that schema, "
                + "so which migrations were applied cannot be read (GRANT USAGE ON SCHEMA \(schema) TO \(role), "
                + "and SELECT on the table, or connect as a role that has them)"
        }
    }
}
