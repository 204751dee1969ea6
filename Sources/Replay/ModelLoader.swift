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

    public init(filter: SchemaFilter = .everything, replay: MigrationReplay = MigrationReplay(), includePending: Bool = false) {
        self.filter = filter
        self.replay = replay
        self.replay.filter = filter
        self.includePending = includePending
    }

    public func load(_ specifier: SourceSpecifier) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        switch specifier {
        case let .database(connectionString):
            let connection = try Connection(connectionString)
            let model = try Inspector(filter: filter, parallelism: parallelism, readsDependencies: readsDependencies).inspect(connection)
            return LoadedModel(model: model, serverVersion: connection.serverVersionNumber,
                               seconds: (clock.now - start).seconds, source: connectionString.redacted)
        case let .snapshot(path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceUnavailable(source: path, reason: "no such file")
            }
            let snapshot = try Snapshot.decode(data, file: path)
            return LoadedModel(model: snapshot.model, serverVersion: snapshot.header.serverVersion,
                               seconds: (clock.now - start).seconds, source: path)
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
