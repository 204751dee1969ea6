import ArgumentParser
import Foundation
import Introspection
import Replay
import SchemaModel

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save a source's model to snapshots/NAME.json, with its server version, time taken and (redacted) source."
    )

    @Argument(help: "A connection string (postgres://… or key=value), a migrations directory (DIR or DIR@VERSION), a .sql file, or a snapshot .json.")
    var source: String

    @Option(help: "The snapshot's name: snapshots/NAME.json.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The snapshots folder.", valueName: "DIR"))
    var snapshots: String = "snapshots"

    @OptionGroup var schemaFilter: SchemaFilterOptions
    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw ValidationError("--name \(name) must be a plain file name (no slash, not starting with a dot)")
        }
    }

    func run() throws {
        let loaded = try sourceOptions.loader(filter: schemaFilter.filter).load(SourceSpecifier.parse(source))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let snapshot = Snapshot(
            header: .init(serverVersion: loaded.serverVersion, seconds: (loaded.seconds * 1000).rounded() / 1000,
                          source: loaded.source, takenAt: formatter.string(from: Date()),
                          schemas: schemaFilter.only.isEmpty ? nil : schemaFilter.only,
                          excludedSchemas: schemaFilter.excluded.isEmpty ? nil : schemaFilter.excluded),
            model: loaded.model)
        try OutputError.createDirectory(snapshots)
        let path = snapshots + "/" + name + ".json"
        try Terminal.write(snapshot.encoded(), to: path)
        Terminal.print("wrote \(path): \(loaded.model.tables.count) tables, \(loaded.model.views.count) views, "
                       + "\(loaded.model.functions.count) functions")
    }
}
