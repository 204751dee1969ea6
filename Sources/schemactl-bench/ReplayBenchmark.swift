import ArgumentParser
import Foundation
import Migrations
import PostgresClient

struct ReplayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Time `schemactl inspect DIR` (cold, cache hit, one new migration) beside psql applying the same files in one session."
    )

    @Option(help: "Tables of the synthetic history (about 5.4 files each).")
    var tables: Int = 1000

    func run() throws {
        let root = NSTemporaryDirectory() + "schemactl-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/migrations"
        let versions = try SyntheticHistory(tables: tables).write(to: directory)
        print("replay benchmark: \(versions.count) migration files for \(tables) tables")

        // psql: one session that \i's every migration, on a database with schema_versions.
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        try Connection(server.connectionString()).execute("CREATE DATABASE psql_replay")
        let target = server.connectionString(database: "psql_replay")
        try Connection(target).execute(SchemaVersions.createStatement)
        let script = root + "/all.sql"
        try versions.map { "\\i \(directory)/applied/\($0).sql" }.joined(separator: "\n").write(toFile: script, atomically: false, encoding: .utf8)
        let psql = try time(server.binaries.path("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", target.raw, "-f", script])

        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        let arguments = ["inspect", directory, "--output", "/dev/null"]
        let cold = try time(schemactl, arguments + ["--no-cache"])
        _ = try time(schemactl, arguments) // fills the cache
        let hit = try time(schemactl, arguments)
        // One new migration on top of the history.
        let version = "20991231_99999_add_last_column"
        try SyntheticHistory.migration(version: version, body: "ALTER TABLE t0 ADD COLUMN last text;")
            .write(toFile: "\(directory)/applied/\(version).sql", atomically: false, encoding: .utf8)
        try SyntheticHistory.rollback(version: version, body: "ALTER TABLE t0 DROP COLUMN last;")
            .write(toFile: "\(directory)/applied/20991231_rollback_99999_add_last_column.sql", atomically: false, encoding: .utf8)
        let oneMore = try time(schemactl, arguments)
        // Cold again, but on the persistent server: one byte of the first file
        // changes, so no replayed history matches and everything replays.
        let first = "\(directory)/applied/\(versions[0]).sql"
        try (String(contentsOfFile: first, encoding: .utf8) + "\n").write(toFile: first, atomically: false, encoding: .utf8)
        let coldKept = try time(schemactl, arguments)

        print("  psql, one session (server already running)  \(format(psql))")
        print("  schemactl inspect DIR, cold (server start included)  \(format(cold))   \(String(format: "%.2f", cold.seconds / psql.seconds)) × psql")
        print("  schemactl inspect DIR, cold on the kept server  \(format(coldKept))   \(String(format: "%.2f", coldKept.seconds / psql.seconds)) × psql")
        print("  schemactl inspect DIR, cache hit            \(format(hit))")
        print("  schemactl inspect DIR, one new migration    \(format(oneMore))")
    }

    private func time(_ executable: String, _ arguments: [String]) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let status = try spawnAndWait(executable, arguments)
        guard status == 0 else { throw ValidationError("\(executable) exited with \(status)") }
        return clock.now - start
    }
}
