import ArgumentParser
import EmbeddedServer
import Foundation
import PostgresClient

struct ScratchServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scratch-server",
        abstract: "Start the embedded throw-away PostgreSQL, print its connection string, and keep it until Ctrl-C.",
        discussion: "The server listens on a Unix socket in a private folder only; the folder is deleted when the server stops."
    )

    func run() throws {
        let server = try EmbeddedPostgres.start()
        let milliseconds = Double(server.startupDuration.components.attoseconds) / 1e15
            + Double(server.startupDuration.components.seconds) * 1000
        Terminal.print(server.connectionString().raw)
        Terminal.error(String(format: "embedded PostgreSQL ready in %.0f ms (folder %@); Ctrl-C stops it and deletes the folder",
                              milliseconds, server.folder.path))
        // Signals end the process through ExitCleanup, which stops the server first.
        while true { sleep(3600) }
    }
}
