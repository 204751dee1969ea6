import ArgumentParser
import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import Synthetic
import SchemaModel

@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemactl-bench",
        abstract: "Benchmarks of schemactl beside the reference tools, on a synthetic schema in the embedded server.",
        subcommands: [InspectBenchmark.self, ReplayBenchmark.self, VerifyBenchmark.self, DiffBenchmark.self, PlanBenchmark.self, ConsolidateBenchmark.self,
                      RandomBenchmark.self, PairsCommand.self, SchemaCommand.self, HistoryCommand.self, QueriesCommand.self]
    )
}

struct InspectBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Time `schemactl inspect` beside `pg_dump --schema-only` on the same database, as whole processes."
    )

    @Option(help: "How many tables the synthetic schema has.")
    var tables: Int = 1000

    @Option(help: "Runs of each command; the best is reported.")
    var runs: Int = 5

    @Flag(help: "Also print how long each catalog query takes.")
    var perQuery = false

    @Option(help: "Another schemactl binary whose inspect JSON must be the same bytes.")
    var compareWith: String?

    func run() throws {
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let admin = try Connection(server.connectionString())
        try admin.execute("CREATE DATABASE bench")
        let database = server.connectionString(database: "bench")
        let connection = try Connection(database)
        let clock = ContinuousClock()
        let buildStart = clock.now
        for batch in SyntheticSchema(tables: tables).batches() { try connection.execute(batch) }
        try connection.execute("ANALYZE")
        let built = clock.now - buildStart
        print("inspect benchmark: \(tables) tables (built in \(format(built)))")

        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        // A full read each time (--no-cache); then the database read again unchanged, its model from the cache.
        let ours = try best(of: runs, schemactl, ["inspect", database.raw, "--output", "/dev/null", "--no-cache"])
        let caches = NSTemporaryDirectory() + "schemactl-bench-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: caches) }
        setenv("SCHEMACTL_CACHE_DIR", caches, 1)
        let remembered = try best(of: runs + 1, schemactl, ["inspect", database.raw, "--output", "/dev/null"])
        let reference = try best(of: runs, server.binaries.path("pg_dump"), ["--schema-only", "--file=/dev/null", "--dbname=\(database.raw)"])
        print("  schemactl inspect      \(format(ours))   (best of \(runs), --no-cache)")
        print("  the same, unchanged    \(format(remembered))   (best of \(runs + 1), the model from the cache after the first)")
        print("  pg_dump --schema-only  \(format(reference))   (best of \(runs))")
        print(String(format: "  ratio                  %.2f (schemactl / pg_dump), %.2f unchanged", ours.seconds / reference.seconds,
                     remembered.seconds / reference.seconds))
        try compareOutputs(schemactl, with: compareWith, ["inspect", database.raw])
        if perQuery {
            var timings: [(String, Duration)] = []
            _ = try Inspector().inspect(connection, timings: &timings)
            let clock = ContinuousClock()
            let start = clock.now
            let model = try Inspector().inspect(connection)
            let inspected = clock.now
            let bytes = ModelJSON.encode(model)
            print("    inspect in-process \(format(inspected - start)), JSON encoding \(format(clock.now - inspected)) (\(bytes.count) bytes)")
            for (name, duration) in timings { print("    \(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(format(duration))") }
        }
    }

    private func best(of runs: Int, _ executable: String, _ arguments: [String]) throws -> Duration {
        try (0..<runs).map { _ in try timeProcess(executable, arguments) }.min()!
    }
}

/// How long `executable` (a path, or a name looked up on PATH) took, run to
/// completion with stdout discarded; an exit status outside `acceptable` is an error.
/// `environment` is set in this process (the child inherits it) and `directory` made
/// current, for the rest of the run: a benchmark runs one thing at a time.
/// The synthetic history's size and where it goes, for the benchmarks that replay it.
struct HistoryOptions: ParsableArguments {
    @Option(help: "Tables of the synthetic history (about 5.4 files each).")
    var tables: Int = 1000

    @Option(help: "Where the history and the servers' data go (default: /dev/shm when it exists, else the temporary folder).")
    var root: String?

    /// Writes the history under a new folder (see `benchmarkFolder`), which the caller removes.
    func write() throws -> (root: String, directory: String, versions: [String]) {
        let folder = benchmarkFolder(under: root)
        let directory = folder + "/migrations"
        return (folder, directory, try SyntheticHistory(tables: tables).write(to: directory))
    }
}

/// A new folder for a benchmark's history and servers: under `root`, else /dev/shm when
/// it exists (on ext4, creating files right after thousands were deleted is slow: the
/// inode allocator skips recently deleted inodes, and whichever run followed a dropped
/// database ran up to twice as slow), else the temporary folder.
func benchmarkFolder(under root: String?) -> String {
    let base = root ?? (FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
    return URL(fileURLWithPath: base).appendingPathComponent("schemactl-bench-" + UUID().uuidString).path
}

func timeProcess(_ executable: String, _ arguments: [String], acceptable: Set<Int32> = [0],
                 environment: [String: String] = [:], directory: String? = nil) throws -> Duration {
    let path = executable.contains("/") ? executable : try which(executable)
    for (name, value) in environment { setenv(name, value, 1) }
    if let directory, !FileManager.default.changeCurrentDirectoryPath(directory) {
        throw ValidationError("cannot change to \(directory)")
    }
    let clock = ContinuousClock()
    let start = clock.now
    // EmbeddedServer's posix_spawn: Foundation's Process.waitUntilExit polls in 0.1 s steps on Linux.
    let status = try Subprocess.status(path, arguments)
    let elapsed = clock.now - start
    guard acceptable.contains(status) else {
        throw ValidationError("\(executable) \(arguments.first ?? "") exited with \(status)")
    }
    return elapsed
}

private func which(_ program: String) throws -> String {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(directory)/\(program)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw ValidationError("\(program) is not on PATH")
}

func format(_ duration: Duration) -> String {
    String(format: "%.3f s", duration.seconds)
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the synthetic schema's SQL, to load it elsewhere."
    )

    @Option(help: "How many tables.")
    var tables: Int = 1000

    @Flag(help: "Print the statements that make the plan benchmark's variant of it instead.")
    var variant = false

    func run() throws {
        if variant { return print(SyntheticVariant(tables: tables).statements.joined(separator: ";\n") + ";") }
        for batch in SyntheticSchema(tables: tables).batches() { print(batch) }
    }
}

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "Print the catalog query NAME (for EXPLAIN ANALYZE in psql)."
    )

    @Argument var name: String
    @Option var serverVersion: Int = 150000

    func run() throws {
        for query in try Inspector.catalogQueries(serverVersionNumber: serverVersion) where query.name == name {
            print(query.sql + ";")
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Write the synthetic migrations directory of the replay benchmark to DIR."
    )

    @Option(help: "How many tables.")
    var tables: Int = 1000

    @Argument(help: "The migrations directory to create.")
    var directory: String

    func run() throws {
        let versions = try SyntheticHistory(tables: tables).write(to: directory)
        print("wrote \(versions.count) migrations and their rollbacks to \(directory)")
    }
}

/// Whether `reference` (an older build, say) prints the same bytes as `schemactl`
/// for `arguments`: a refactoring must not change an output. Prints both digests.
func compareOutputs(_ schemactl: String, with reference: String?, _ arguments: [String]) throws {
    guard let reference else { return }
    let ours = try Subprocess.run(schemactl, arguments).output
    let theirs = try Subprocess.run(reference, arguments).output
    var hash = ContentHash()
    hash.update(ours)
    var other = ContentHash()
    other.update(theirs)
    print("  output \(ours == theirs ? "IDENTICAL" : "DIFFERENT") to \(reference): sha256 \(hash.finalize().prefix(16)) "
          + "vs \(other.finalize().prefix(16)) (\(ours.utf8.count) bytes)")
}
