import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel

/// `pg_dump --schema-only` of a database, used to compare schemas until the
/// project's own diff exists.
public enum SchemaDump {
    /// `complete`: with owners and privileges too (for a restore on the same cluster, where the roles exist).
    public static func of(_ connectionString: ConnectionString, complete: Bool = false) throws -> String {
        let binaries = try ServerBinaries.locate()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaries.path("pg_dump"))
        process.arguments = ["--schema-only"] + (complete ? [] : ["--no-owner", "--no-privileges"]) + ["--dbname=\(connectionString.raw)"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DumpFailed(message: String(decoding: errorData, as: UTF8.self))
        }
        // pg_dump 15.14+ brackets its output with \restrict / \unrestrict and a
        // random key, different on every run: not part of the schema.
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") }
            .joined(separator: "\n")
    }

    public struct DumpFailed: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "pg_dump failed: \(message)" }
    }
}

extension SchemaDump {
    /// The oracle: `pg_dump -s` of `database` (owners and privileges too),
    /// restored into a new database and inspected; the database is dropped after.
    /// pg_dump writes `CREATE EXTENSION` without its version, so the restore gets
    /// the default one: the versions are taken from `original` before it is returned.
    public static func restoredModel(of database: ScratchDatabase, original: DatabaseModel) throws -> DatabaseModel {
        let restored = try TestDatabase.make()
        defer { restored.drop() }
        try restored.connect().execute(try of(database.connectionString, complete: true))
        var model = try Inspector().inspect(restored.connect())
        for index in model.extensions.indices {
            if let version = original.extensions.first(where: { $0.name == model.extensions[index].name })?.version {
                model.extensions[index].version = version
            }
        }
        return model
    }
}
