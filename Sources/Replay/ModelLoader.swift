import Foundation
import Introspection
import PostgresClient
import SchemaModel

/// A model together with where it came from.
public struct LoadedModel: Sendable {
    public var model: DatabaseModel
    /// `server_version_num` of the server that deparsed it.
    public var serverVersion: Int
    /// Seconds spent producing it.
    public var seconds: Double
    /// The source, redacted.
    public var source: String
    /// The schema filter the model was cut to when it was made (a snapshot's
    /// own); `.everything` for a model read whole.
    public var recordedFilter: SchemaFilter = .everything
    /// The replay cache's key for a replayed directory (its files, the server's major and
    /// state): what the model is a function of. nil for any other source or without the cache.
    public var replayKey: String? = nil
    /// A live database's place and catalog stamp (`CatalogStamp`), when read with a memory.
    public var catalogStamp: String? = nil

    /// What the model is a function of, when that is known: the replay's key or the catalog's stamp.
    public var contentKey: String? {
        replayKey.map { "replay " + $0 } ?? catalogStamp.map { "catalog " + $0 }
    }
}

/// Turns any SOURCE into a model.
public struct ModelLoader: Sendable {
    public var filter: SchemaFilter
    /// How migrations directories and `.sql` files are replayed.
    public var replay: MigrationReplay
    /// For migrations directories: pending/ too.
    public var includePending: Bool
    /// Connections per live database inspected (see `Inspector.parallelism(sharedBy:)`).
    public var parallelism = Inspector.defaultParallelism
    /// Whether live databases' dependency graphs are read (a diff does not compare them).
    public var readsDependencies = true
    /// Where models of live databases are kept between runs, to be taken again while
    /// their catalog has not changed; nil reads every database whole.
    public var databaseMemory: DatabaseModelCache? = nil

    public init(filter: SchemaFilter = .everything, replay: MigrationReplay = MigrationReplay(), includePending: Bool = false) {
        self.filter = filter
        self.replay = replay
        self.replay.filter = filter
        self.includePending = includePending
    }

    public func load(_ specifier: SourceSpecifier) throws -> LoadedModel {
        let loaded = try loadUnchecked(specifier)
        // A schema asked for by name must exist: a typo would otherwise compare two empty models and call them equal.
        let present = Set(loaded.model.schemas.map(\.name))
        let missing = filter.only.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw UnknownSchema(names: missing, source: loaded.source)
        }
        return loaded
    }

    private func loadUnchecked(_ specifier: SourceSpecifier) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        switch specifier {
        case let .database(connectionString):
            let connection = try Connection(connectionString)
            let inspector = Inspector(filter: filter, parallelism: parallelism, readsDependencies: readsDependencies)
            guard let databaseMemory else {
                return LoadedModel(model: try inspector.inspect(connection), serverVersion: connection.serverVersionNumber,
                                   seconds: (clock.now - start).seconds, source: connectionString.redacted)
            }
            let read = try inspector.inspect(connection, memory: databaseMemory)
            return LoadedModel(model: read.model, serverVersion: connection.serverVersionNumber,
                               seconds: (clock.now - start).seconds, source: connectionString.redacted, catalogStamp: read.stamp)
        case let .snapshot(path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceUnavailable(source: path, reason: "no such file")
            }
            let snapshot = try Snapshot.decode(data, file: path)
            var model = snapshot.model
            filter.apply(to: &model)
            return LoadedModel(model: model, serverVersion: snapshot.header.serverVersion,
                               seconds: (clock.now - start).seconds, source: path,
                               recordedFilter: SchemaFilter(only: snapshot.header.schemas ?? [],
                                                            excluded: snapshot.header.excludedSchemas ?? []))
        case let .migrations(directory, upTo):
            return try replay.model(directory: directory, selection: MigrationSelection(includePending: includePending, upTo: upTo))
        case let .sqlFile(path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw SourceUnavailable(source: path, reason: "no such file")
            }
            return try replay.model(sqlFile: path)
        }
    }
}

/// `--schema NAME` for a schema the source does not have.
public struct UnknownSchema: Error, Sendable, CustomStringConvertible {
    public let names: [String]
    public let source: String
    public var description: String {
        "\(source) has no schema \(names.joined(separator: ", ")) (--schema names a schema that must exist)"
    }
}

public struct SourceUnavailable: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let reason: String
    public var description: String { "\(source): \(reason)" }
}

extension Duration {
    /// As a Double number of seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
