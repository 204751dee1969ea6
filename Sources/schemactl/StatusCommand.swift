import ArgumentParser
import Foundation
import Migrations
import PostgresClient

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List every migration, its folder and rollback; with a database, what schema_versions says.",
        discussion: "Exit 0 when directory and database agree, 1 when they disagree, 2 when the directory is invalid or the database unreachable."
    )

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var databaseOption: DatabaseOption

    @Flag(name: .long, help: "Applied files whose bytes changed since they were applied are an error (default: a warning).")
    var strict = false

    func run() throws {
        let directory = try MigrationDirectory.load(migrationsOption.migrations)
        try directory.validate()
        var entries: [SchemaVersions.Entry]? = nil
        var consulted = false
        if let database = databaseOption.resolved {
            let connection = try Connection(ConnectionString(database))
            entries = try SchemaVersions.read(connection)
            consulted = true
        }
        // The checksums apply recorded: a file edited after it ran is what the database did not run.
        let changed = directory.changedSinceApplied(entries ?? [])
        if strict, !changed.isEmpty { throw MigrationApplier.Failure.changedSinceApplied(changed.map { "\($0): changed since it was applied" }) }
        for path in changed { Terminal.error("warning: \(path): changed since it was applied (its checksum in schema_versions differs)") }
        let status = MigrationStatus(directory: directory, entries: entries, consulted: consulted)
        Terminal.print(StatusRenderer.text(status, directory: directory))
        let unmoved = status.disagreements.contains { if case .appliedButPending = $0 { return true } else { return false } }
        if unmoved {
            Terminal.error("note: a version active in the database with its files still in pending/ is a move a production apply did not finish "
                           + "(or an apply to another database); `schemactl apply` on the production database finishes it")
        }
        if !status.disagreements.isEmpty { throw ExitCode(1) }
    }
}
