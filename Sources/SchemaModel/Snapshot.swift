import Foundation

/// A model saved to `snapshots/NAME.json`, with where and when it came from.
public struct Snapshot: Codable, Hashable, Sendable {
    public struct Header: Codable, Hashable, Sendable {
        /// `DatabaseModel.formatVersion` when written; a reader refuses any other.
        public var formatVersion: Int
        /// `server_version_num` of the server the model was read from.
        public var serverVersion: Int
        /// Seconds the inspection took.
        public var seconds: Double
        /// The source, with any password redacted.
        public var source: String
        /// ISO 8601, UTC.
        public var takenAt: String
        /// `--schema` given when it was taken: only these schemas are in it (absent: all).
        public var schemas: [String]?
        /// `--exclude-schema` given when it was taken.
        public var excludedSchemas: [String]?

        public init(formatVersion: Int = DatabaseModel.formatVersion, serverVersion: Int, seconds: Double, source: String, takenAt: String,
                    schemas: [String]? = nil, excludedSchemas: [String]? = nil) {
            self.formatVersion = formatVersion
            self.serverVersion = serverVersion
            self.seconds = seconds
            self.source = source
            self.takenAt = takenAt
            self.schemas = schemas
            self.excludedSchemas = excludedSchemas
        }
    }

    public var header: Header
    public var model: DatabaseModel

    public init(header: Header, model: DatabaseModel) {
        self.header = header
        self.model = model
    }

    public func encoded() throws -> Data { try ModelJSON.encode(self) }

    /// Reads a snapshot, refusing a format version this build does not know.
    public static func decode(_ data: Data, file: String) throws -> Snapshot {
        struct VersionOnly: Decodable {
            struct Header: Decodable { var formatVersion: Int }
            var header: Header
        }
        let version: Int
        do {
            version = try JSONDecoder().decode(VersionOnly.self, from: data).header.formatVersion
        } catch {
            throw SnapshotError.notASnapshot(file: file, reason: "\(error)")
        }
        guard version == DatabaseModel.formatVersion else {
            throw SnapshotError.unknownFormat(file: file, version: version)
        }
        var snapshot: Snapshot
        do {
            snapshot = try JSONDecoder().decode(Snapshot.self, from: data)
        } catch {
            throw SnapshotError.notASnapshot(file: file, reason: "\(error)")
        }
        // Read before revision 15, a publication's tables are bare: the same tables, written as now.
        for index in snapshot.model.definedObjects.indices where snapshot.model.definedObjects[index].kind == .publication {
            snapshot.model.definedObjects[index] = snapshot.model.definedObjects[index].publishedTablesOnly
        }
        return snapshot
    }
}

public enum SnapshotError: Error, Sendable, CustomStringConvertible {
    case unknownFormat(file: String, version: Int)
    case notASnapshot(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownFormat(file, version):
            return "\(file): snapshot format version \(version) is not the one this schemactl reads "
                + "(\(DatabaseModel.formatVersion)); take the snapshot again with this version"
        case let .notASnapshot(file, reason):
            return "\(file): not a schemactl snapshot (\(reason))"
        }
    }
}
