import Foundation
import Introspection
import Migrations
import PostgresClient
import SchemaModel

/// Migrations (or a `.sql` file) → scratch database → model.
///
/// Nothing of a replay is left behind: the scratch database is dropped whether
/// the replay succeeds or fails.
public struct MigrationReplay: Sendable {
    /// The server for scratch databases; nil: `$SCHEMACTL_SCRATCH_URL`, else the embedded server.
    public var scratch: String?
    public var useCache: Bool
    public var progress: (@Sendable (Int, Int, ReplayFile) -> Void)?
    public var filter: SchemaFilter

    public init(scratch: String? = nil, useCache: Bool = true, filter: SchemaFilter = .everything,
                progress: (@Sendable (Int, Int, ReplayFile) -> Void)? = nil) {
        self.scratch = scratch
        self.useCache = useCache
        self.filter = filter
        self.progress = progress
    }

    /// The files a replay of `directory` applies, in order.
    public static func files(of directory: MigrationDirectory, selection: MigrationSelection) throws -> [ReplayFile] {
        // Named as the user named the directory, so messages point where they look.
        try selection.select(from: directory).map {
            try ReplayFile.read(directory.path(of: $0.name.migrationFileName, in: $0.folder), expectedVersion: $0.version)
        }
    }

    /// The model the migrations of `path` produce.
    public func model(directory path: String, selection: MigrationSelection) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        let directory = try MigrationDirectory.load(path)
        try directory.validate()
        let files = try Self.files(of: directory, selection: selection)
        let cache = ReplayCache.beside(migrationsDirectory: path)
        var key: String?
        if useCache {
            let major = try serverMajorVersion()
            key = ReplayCache.key(serverMajor: major, files: files)
            if let hit = cache.load(key: key!) {
                return LoadedModel(model: filtered(hit.model), serverVersion: hit.serverVersion,
                                   seconds: (clock.now - start).seconds, source: path)
            }
        }
        let (model, version) = try replay(files)
        if let key { cache.store(key: key, model: model, serverVersion: version) }
        return LoadedModel(model: filtered(model), serverVersion: version, seconds: (clock.now - start).seconds, source: path)
    }

    /// The model a single `.sql` file produces on an empty database.
    public func model(sqlFile path: String) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        let (model, version) = try replay([ReplayFile.read(path, expectedVersion: nil)], createSchemaVersions: false)
        return LoadedModel(model: filtered(model), serverVersion: version, seconds: (clock.now - start).seconds, source: path)
    }

    /// Applies `files` to a new scratch database and inspects it; the database is always dropped.
    public func replay(_ files: [ReplayFile], createSchemaVersions: Bool = true) throws -> (DatabaseModel, Int) {
        let database = try ScratchDatabase(on: ScratchDatabase.server(explicit: scratch))
        defer { database.drop() }
        let connection = try database.connect()
        defer { connection.close() }
        try Replayer(progress: progress).apply(files, to: connection, createSchemaVersions: createSchemaVersions)
        let model = try Inspector().inspect(connection)
        return (model, connection.serverVersionNumber)
    }

    private func filtered(_ model: DatabaseModel) -> DatabaseModel {
        guard filter != .everything else { return model }
        var copy = model
        copy.schemas.removeAll { !filter.includes($0.name) }
        copy.enums.removeAll { !filter.includes($0.name.schema) }
        copy.domains.removeAll { !filter.includes($0.name.schema) }
        copy.compositeTypes.removeAll { !filter.includes($0.name.schema) }
        copy.sequences.removeAll { !filter.includes($0.name.schema) }
        copy.tables.removeAll { !filter.includes($0.name.schema) }
        copy.views.removeAll { !filter.includes($0.name.schema) }
        copy.functions.removeAll { !filter.includes($0.name.schema) }
        return copy
    }

    /// The scratch server's major version, without starting the embedded server when it is the one.
    private func serverMajorVersion() throws -> Int {
        if let explicit = scratch ?? ProcessInfo.processInfo.environment["SCHEMACTL_SCRATCH_URL"], !explicit.isEmpty {
            return try Connection(ConnectionString(explicit)).serverVersionNumber / 10000
        }
        return try ServerBinaries.locate().majorVersion()
    }
}
