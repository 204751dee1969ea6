import Diff
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import SchemaModel

/// Checks environments against the migrations directory: for each, which
/// migrations it applied (its `schema_versions`), the model replaying exactly
/// those gives, and the difference. A pending migration is therefore not
/// drift; an index made by hand in production is.
public struct DriftCheck: Sendable {
    public let directory: String
    public var replay: MigrationReplay
    public var flattener: ModelFlattener

    public init(directory: String, replay: MigrationReplay = MigrationReplay(), flattener: ModelFlattener = ModelFlattener()) {
        self.directory = directory
        self.replay = replay
        self.flattener = flattener
    }

    /// What a live environment says of itself: read concurrently for several environments.
    public struct Observation: Sendable {
        public let name: String
        public let entries: [SchemaVersions.Entry]?
        public let model: DatabaseModel
        public let serverVersion: Int
    }

    /// Reads an environment's schema_versions and schema, in one connection
    /// (and `parallelism` for the catalog: see `Inspector.parallelism(sharedBy:)`).
    /// `memory`: where the environment's model is kept between runs, read again only when
    /// its catalog has changed (`CatalogStamp`): a scheduled check of an unchanged production.
    public static func observe(name: String, connectionString: ConnectionString,
                               parallelism: Int = Inspector.defaultParallelism, memory: (any ModelMemory)? = nil) throws -> Observation {
        let connection = try Connection(connectionString)
        defer { connection.close() }
        let entries = try SchemaVersions.read(connection)
        // The dependency graph is not compared: not read.
        let inspector = Inspector(parallelism: parallelism, readsDependencies: false)
        let model = try memory.map { try inspector.inspect(connection, memory: $0).model } ?? inspector.inspect(connection)
        return Observation(name: name, entries: entries, model: model, serverVersion: connection.serverVersionNumber)
    }

    /// Files whose SHA-256 is not the checksum recorded when they were applied.
    private func changedFiles(_ entries: [SchemaVersions.Entry], in directory: MigrationDirectory) -> [String] {
        directory.changedSinceApplied(entries)
    }

    /// Replays what `observation` applied and compares. Replays of several
    /// environments share the replay cache: run them one after another.
    public func compare(_ observation: Observation) throws -> DriftReport {
        let migrations = try MigrationDirectory.load(directory)
        try migrations.validate()
        let active = Set((observation.entries ?? []).filter(\.isActive).map(\.version))
        let known = Set(migrations.migrations.map(\.version))
        let expected = try replay.model(directory: directory,
                                        selection: MigrationSelection(versions: active.intersection(known))).model
        return DriftReport(
            environment: observation.name,
            diff: SchemaDiff(from: expected, to: observation.model.withoutToolColumns(besides: expected), flattener: flattener),
            unknownVersions: active.subtracting(known).sorted(),
            notApplied: migrations.migrations.filter { $0.folder != .pending && !active.contains($0.version) }.map(\.version),
            rolledBack: (observation.entries ?? []).filter { !$0.isActive }.map(\.version).sorted(),
            noSchemaVersions: observation.entries == nil,
            changedFiles: changedFiles(observation.entries ?? [], in: migrations))
    }

}
