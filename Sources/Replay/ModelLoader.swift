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

    public init(filter: SchemaFilter = .everything) {
        self.filter = filter
    }

    public func load(_ specifier: SourceSpecifier) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        switch specifier {
        case let .database(connectionString):
            let connection = try Connection(connectionString)
            let model = try Inspector(filter: filter).inspect(connection)
            return LoadedModel(model: model, serverVersion: connection.serverVersionNumber,
                               seconds: (clock.now - start).seconds, source: connectionString.redacted)
        case let .snapshot(path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceUnavailable(source: path, reason: "no such file")
            }
            let snapshot = try Snapshot.decode(data, file: path)
            return LoadedModel(model: snapshot.model, serverVersion: snapshot.header.serverVersion,
                               seconds: (clock.now - start).seconds, source: path)
        case let .migrations(directory, _):
            throw SourceUnavailable(source: directory, reason: "replaying a migrations directory is not available yet")
        case let .sqlFile(path):
            throw SourceUnavailable(source: path, reason: "applying a .sql file is not available yet")
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
