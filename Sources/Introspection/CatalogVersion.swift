import PostgresClient

/// The PostgreSQL major version whose catalog we read, from `server_version_num`
/// (read once per inspection). Catalog queries that differ between versions
/// pick their text from it.
public struct CatalogVersion: Sendable, Hashable, Comparable {
    public let serverVersionNumber: Int

    public static let oldestSupported = 13
    public static let newestSupported = 18

    public var major: Int { serverVersionNumber / 10000 }

    public init(serverVersionNumber: Int) throws {
        self.serverVersionNumber = serverVersionNumber
        guard (Self.oldestSupported...Self.newestSupported).contains(major) else {
            throw UnsupportedServerVersion(serverVersionNumber: serverVersionNumber)
        }
    }

    public init(connection: Connection) throws {
        try self.init(serverVersionNumber: connection.serverVersionNumber)
    }

    public static func < (lhs: CatalogVersion, rhs: CatalogVersion) -> Bool {
        lhs.serverVersionNumber < rhs.serverVersionNumber
    }
}

public struct UnsupportedServerVersion: Error, Sendable, CustomStringConvertible {
    public let serverVersionNumber: Int
    public var description: String {
        "PostgreSQL \(serverVersionNumber / 10000) is not supported: schemactl reads the catalogs of PostgreSQL "
            + "\(CatalogVersion.oldestSupported) to \(CatalogVersion.newestSupported)"
    }
}
