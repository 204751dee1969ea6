import ArgumentParser
import EmbeddedServer
import Foundation
import Migrations
import PostgresClient

struct ReplayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Time `schemactl inspect DIR` (cold, cache hit, one new migration) beside psql applying the same files in one session."
    )

    @OptionGroup var history: HistoryOptions

    func run() throws {
        // Both servers' data on tmpfs makes the figures comparable (see `benchmarkFolder`).
        let (root, directory, versions) = try history.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        print("replay benchmark: \(versions.count) migration files for \(history.tables) tables, in \(root)")

        // psql: one session that \i's every migration, on a database with
        // schema_versions.
        let server = try EmbeddedPostgres.start(persistentData: root + "/psql-server/data")
        defer { server.stop() }
        let script = root + "/all.sql"
        try versions.map { "\\i \(directory)/applied/\($0).sql" }.joined(separator: "\n").write(toFile: script, atomically: false, encoding: .utf8)
        func psqlRun(_ run: Int) throws -> Duration {
            try Connection(server.connectionString()).execute("CREATE DATABASE psql_replay_\(run)")
            let target = server.connectionString(database: "psql_replay_\(run)")
            try Connection(target).execute(SchemaVersions.createStatement)
            return try timeProcess(server.binaries.path("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", target.raw, "-f", script])
        }

        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        let arguments = ["inspect", directory, "--output", "/dev/null"]
        // The first run ever also runs initdb for the persistent scratch server.
        let first = try timeProcess(schemactl, arguments + ["--no-cache"])
        // psql and schemactl --no-cache in turn, three times each, the best of
        // each counting: this machine's figures vary by half from run to run.
        var psqlTimes: [Duration] = []
        var coldTimes: [Duration] = []
        for run in 1...3 {
            psqlTimes.append(try psqlRun(run))
            coldTimes.append(try timeProcess(schemactl, arguments + ["--no-cache"]))
        }
        let psql = psqlTimes.min()!
        let cold = coldTimes.min()!
        _ = try timeProcess(schemactl, arguments) // fills the cache
        let hit = try (0..<5).map { _ in try timeProcess(schemactl, arguments) }.min()!
        // One new migration on top of the history.
        let version = "20991231_99999_add_last_column"
        try SyntheticHistory.migration(version: version, body: "ALTER TABLE t0 ADD COLUMN last text;")
            .write(toFile: "\(directory)/applied/\(version).sql", atomically: false, encoding: .utf8)
        try SyntheticHistory.rollback(version: version, body: "ALTER TABLE t0 DROP COLUMN last;")
            .write(toFile: "\(directory)/applied/20991231_rollback_99999_add_last_column.sql", atomically: false, encoding: .utf8)
        let oneMore = try timeProcess(schemactl, arguments)
        // Cold again with the cache on: one byte of the first file changes, so
        // no replayed history matches and everything replays.
        let firstFile = "\(directory)/applied/\(versions[0]).sql"
        try (String(contentsOfFile: firstFile, encoding: .utf8) + "\n").write(toFile: firstFile, atomically: false, encoding: .utf8)
        let coldKept = try timeProcess(schemactl, arguments)

        func ratio(_ duration: Duration) -> String { String(format: "%.2f", duration.seconds / psql.seconds) + " × psql" }
        print("  psql, one session (server already running; best of \(psqlTimes.map(format).joined(separator: ", ")))  \(format(psql))")
        print("  schemactl --no-cache runs: \(coldTimes.map(format).joined(separator: ", "))")
        print("  schemactl inspect DIR --no-cache, first run ever (initdb included)  \(format(first))   \(ratio(first))")
        print("  schemactl inspect DIR --no-cache (server start included, best of 3)  \(format(cold))   \(ratio(cold))")
        print("  schemactl inspect DIR, first file changed (nothing reusable)  \(format(coldKept))   \(ratio(coldKept))")
        print("  schemactl inspect DIR, cache hit (best of 5)  \(format(hit))")
        print("  schemactl inspect DIR, one new migration    \(format(oneMore))")
    }
}
