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
        let status = MigrationStatus(directory: directory, entries: entries, consulted: consulted)
        Terminal.print(StatusRenderer.text(status, directory: directory))
        if !status.disagreements.isEmpty { throw ExitCode(1) }
    }
}
