import ArgumentParser
import EmbeddedServer
import Foundation
import PostgresClient
import Synthetic

struct DiffBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Time `schemactl diff` between two live databases beside migra on the same pair."
    )

    @Option(help: "Tables in each database.")
    var tables: Int = 1000

    @Option(help: "Another schemactl binary whose diff output (text and JSON) must be the same bytes.")
    var compareWith: String?

    @Option(help: "The migra executable (pip install migra psycopg2-binary).")
    var migra: String = "migra"

    func run() throws {
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let admin = try Connection(server.connectionString())
        try admin.execute("CREATE DATABASE bench_a")
        try admin.execute("CREATE DATABASE bench_b")
        let schema = SyntheticSchema(tables: tables)
        for name in ["bench_a", "bench_b"] {
            let connection = try Connection(server.connectionString(database: name))
            for batch in schema.batches() { try connection.execute(batch) }
        }
        // A few percent of objects differ: every 25th table gains a column, loses an index and changes a default.
        let changed = try Connection(server.connectionString(database: "bench_b"))
        var statements: [String] = []
        for i in stride(from: 0, to: tables, by: 25) {
            statements.append("ALTER TABLE t\(i) ADD COLUMN extra text")
            statements.append("DROP INDEX t\(i)_name_idx")
            statements.append("ALTER TABLE t\(i) ALTER COLUMN status SET DEFAULT 'closed'")
        }
        try changed.execute(statements.joined(separator: ";\n"))
        // As autovacuum leaves a database some time after its schema changed:
        // without it, autovacuum works on the catalogs during the first runs.
        for name in ["bench_a", "bench_b"] { try Connection(server.connectionString(database: name)).execute("VACUUM ANALYZE") }
        // And written out: otherwise the checkpointer flushes the two databases'
        // new pages during the first timed runs, schemactl's, and not migra's.
        try admin.execute("CHECKPOINT")
        print("diff benchmark: two databases of \(tables) tables, \(statements.count) changes between them")

        let a = server.connectionString(database: "bench_a").raw, b = server.connectionString(database: "bench_b").raw
        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        // Best of three for schemactl, of two for migra: this machine's figures vary from run to run.
        // Both databases read whole each time (--no-cache), as migra does; then read again unchanged.
        let ours = try (0..<3).map { _ in try timeProcess(schemactl, ["diff", a, b, "--no-cache"], acceptable: [1]) }
        print("  schemactl diff  \(format(ours.min()!))   (runs: \(ours.map(format).joined(separator: ", ")), --no-cache)")
        let caches = NSTemporaryDirectory() + "schemactl-bench-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: caches) }
        setenv("SCHEMACTL_CACHE_DIR", caches, 1)
        let again = try (0..<4).map { _ in try timeProcess(schemactl, ["diff", a, b], acceptable: [1]) }
        print("  the same, unchanged databases: \(format(again.dropFirst().min()!)) (runs: \(again.map(format).joined(separator: ", ")); "
              + "the first keeps both models, the others take them from the cache)")
        try compareOutputs(schemactl, with: compareWith, ["diff", a, b])
        try compareOutputs(schemactl, with: compareWith, ["diff", a, b, "--format", "json"])
        let url = { (db: String) in "postgresql+psycopg2://postgres@/\(db)?host=\(server.socketDirectory)" }
        do {
            let theirs = try (0..<2).map { _ in try timeProcess(migra, ["--unsafe", url("bench_a"), url("bench_b")], acceptable: [0, 2]) }
            print("  migra           \(format(theirs.min()!))   (runs: \(theirs.map(format).joined(separator: ", ")))")
            print(String(format: "  ratio           %.2f (migra / schemactl)", theirs.min()!.seconds / ours.min()!.seconds))
        } catch {
            print("  migra           not measured: \(error)")
        }
    }
}
