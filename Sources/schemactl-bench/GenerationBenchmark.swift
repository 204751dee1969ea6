import ArgumentParser
import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import Release
import Replay
import SchemaModel
import SQLGeneration
import Synthetic

/// `diff --format sql` (with its proof) on the synthetic pair, beside migra.
struct PlanBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Time `schemactl diff --format sql` (plan and proof) on the synthetic schema and its variant, beside migra."
    )

    @Option(help: "Tables in the synthetic schema.")
    var tables: Int = 1000

    @Option(help: "The migra executable (pip install migra psycopg2-binary).")
    var migra: String = "migra"

    @Flag(help: "Only time the proof's phases in process: loading the source schema (in one transaction, and in batches), applying the plan, inspecting.")
    var phases = false

    func run() throws {
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let admin = try Connection(server.connectionString())
        for name in ["bench_a", "bench_b"] {
            try admin.execute("CREATE DATABASE \(name)")
            let connection = try Connection(server.connectionString(database: name))
            for batch in SyntheticSchema(tables: tables).batches() { try connection.execute(batch) }
        }
        let variant = SyntheticVariant(tables: tables).statements
        try Connection(server.connectionString(database: "bench_b")).execute(variant.joined(separator: ";\n"))
        for name in ["bench_a", "bench_b"] { try Connection(server.connectionString(database: name)).execute("VACUUM ANALYZE") }
        try admin.execute("CHECKPOINT")
        print("plan benchmark: \(tables) tables and a variant made by \(variant.count) statements")
        let a = server.connectionString(database: "bench_a"), b = server.connectionString(database: "bench_b")
        if phases { return try timePhases(server, from: a, to: b) }
        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        let scratch = ["SCHEMACTL_SCRATCH_URL": server.connectionString().raw]
        // Each first run with a cache folder of its own, empty: a first read of both databases (and
        // the cost of keeping their models). Then the same command again, nothing changed: both
        // models from the cache (a stamp of each catalog), and the same proof remembered.
        let caches = NSTemporaryDirectory() + "schemactl-bench-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: caches) }
        var firstForward: Duration?, againForward: Duration?
        for (label, from, to) in [("forward", a, b), ("reverse", b, a)] {
            let arguments = ["diff", from.raw, to.raw, "--format", "sql", "--allow-destructive"]
            let cache = { (name: String) in scratch.merging(["SCHEMACTL_CACHE_DIR": caches + "/" + label + "-" + name]) { $1 } }
            let proved = try timeProcess(schemactl, arguments, acceptable: [1], environment: cache("proved"))
            let unproved = try timeProcess(schemactl, arguments + ["--no-verify"], acceptable: [1], environment: cache("unproved"))
            print("  schemactl diff --format sql, \(label): \(format(proved)) with the proof, \(format(unproved)) without "
                  + String(format: "(the proof: %.0f%%)", 100 * (proved.seconds - unproved.seconds) / proved.seconds))
            let again = try (0..<3).map { _ in try timeProcess(schemactl, arguments, acceptable: [1], environment: cache("proved")) }.sorted()
            print("  the same, run again on the unchanged databases (models and proof from the cache): "
                  + again.map { format($0) }.joined(separator: ", "))
            if label == "forward" { (firstForward, againForward) = (proved, again[1]) }
        }
        // In-process: how long planning alone takes, and whether the plan holds (the proof's verdict).
        let old = try Inspector().inspect(try Connection(a)), new = try Inspector().inspect(try Connection(b))
        let clock = ContinuousClock()
        let start = clock.now
        let plan = Planner(from: old, to: new).plan()
        print("  planning alone: \(format(clock.now - start)), \(plan.statements.count) statements")
        let proof = try PlanCheck(replay: MigrationReplay(scratch: server.connectionString().raw, useCache: false))
            .prove(plan, from: old, to: new)
        let scope = proof.scope.map { ", on \($0.objects) of the source's \($0.of) objects" } ?? ", on the whole source"
        print("  proof: \(proof.holds ? "holds" : "FAILS") (\(String(format: "%.2f", proof.seconds)) s\(scope))")
        let url = { (db: String) in "postgresql+psycopg2://postgres@/\(db)?host=\(server.socketDirectory)" }
        do {
            let theirs = try timeProcess(migra, ["--unsafe", url("bench_a"), url("bench_b")], acceptable: [0, 2])
            print("  migra, forward: \(format(theirs)) (no proof)")
            if let firstForward, let againForward {
                print(String(format: "  ratio (schemactl / migra, forward, with the proof): %.2f first run, %.2f run again (median of 3)",
                             firstForward.seconds / theirs.seconds, againForward.seconds / theirs.seconds))
            }
        } catch {
            print("  migra: not measured: \(error)")
        }
    }
}

extension PlanBenchmark {
    /// Where a proof's time goes: the source schema's load, the plan, the inspection.
    func timePhases(_ server: EmbeddedPostgres, from a: ConnectionString, to b: ConnectionString) throws {
        let old = try Inspector().inspect(try Connection(a)), new = try Inspector().inspect(try Connection(b))
        let source = Planner(from: DatabaseModel(), to: old).plan().statements.map(\.sql)
        let plan = Planner(from: old, to: new).plan()
        let admin = try Connection(server.connectionString())
        let clock = ContinuousClock()
        for batch in [source.count, 1000, 200, 50] {
            let name = "phases_\(batch)"
            try admin.execute("CREATE DATABASE \(name)")
            let connection = try Connection(server.connectionString(database: name))
            var start = clock.now
            for offset in stride(from: 0, to: source.count, by: batch) {
                let part = source[offset..<min(offset + batch, source.count)]
                try connection.execute("BEGIN;\n" + part.joined(separator: ";\n") + ";\nCOMMIT")
            }
            let load = clock.now - start
            start = clock.now
            try connection.execute("BEGIN;\n" + plan.statements.map(\.sql).joined(separator: ";\n") + ";\nCOMMIT")
            let apply = clock.now - start
            start = clock.now
            _ = try Inspector().inspect(connection)
            let inspect = clock.now - start
            print("  source in transactions of \(batch) statements (\(source.count) in all): load \(format(load)), "
                  + "plan \(format(apply)), inspection \(format(inspect))")
            connection.close()
            try admin.execute("DROP DATABASE \(name)")
        }
        do {
            try admin.execute("CREATE DATABASE phases_copy_source")
            let connection = try Connection(server.connectionString(database: "phases_copy_source"))
            try connection.execute("BEGIN;\n" + source.joined(separator: ";\n") + ";\nCOMMIT")
            connection.close()
            let start = clock.now
            try admin.execute("CREATE DATABASE phases_copy TEMPLATE phases_copy_source")
            print("  CREATE DATABASE … TEMPLATE of the source: \(format(clock.now - start))")
        }
    }
}

/// `consolidate` from a warm replay cache beside `pg_dump -s` of the replayed
/// database, and the consolidated file's load time beside pg_dump's output's.
struct ConsolidateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "Time `schemactl consolidate` (warm cache) beside pg_dump -s, and loading each file with psql -1 -f."
    )

    @Option(help: "Tables in the synthetic history.")
    var tables: Int = 1000

    func run() throws {
        let root = NSTemporaryDirectory() + "schemactl-bench-consolidate-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/migrations"
        let versions = try SyntheticHistory(tables: tables).write(to: directory)
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        let scratch = ["SCHEMACTL_SCRATCH_URL": server.connectionString().raw]
        print("consolidate benchmark: \(versions.count) migrations, \(tables) tables")
        // Warm the cache, then time (best of three where it repeats: this machine's figures swing by a third).
        _ = try timeProcess(schemactl, ["consolidate", "--migrations", directory, "--no-verify"], environment: scratch, directory: root)
        let unproved = try (0..<3).map { _ in
            try timeProcess(schemactl, ["consolidate", "--migrations", directory, "--no-verify"], environment: scratch, directory: root)
        }.min()!
        let proved = try timeProcess(schemactl, ["consolidate", "--migrations", directory], environment: scratch, directory: root)
        // The same file against the same replay: the proof is remembered.
        let remembered = try (0..<3).map { _ in
            try timeProcess(schemactl, ["consolidate", "--migrations", directory], environment: scratch, directory: root)
        }.min()!
        // The reference: the replayed database, dumped.
        let admin = try Connection(server.connectionString())
        try admin.execute("CREATE DATABASE replayed")
        let replayed = server.connectionString(database: "replayed")
        let psql = server.binaries.path("psql")
        // The whole history in one psql run (each file has its own BEGIN and COMMIT).
        let history = root + "/history.sql"
        try SchemaVersions.createStatement.appending(";\n").write(toFile: history, atomically: false, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: history))
        handle.seekToEndOfFile()
        for version in versions { handle.write(try Data(contentsOf: URL(fileURLWithPath: directory + "/applied/" + version + ".sql"))) }
        try handle.close()
        _ = try timeProcess(psql, ["-q", "-X", "-v", "ON_ERROR_STOP=1", "-f", history, replayed.raw])
        let dumpFile = root + "/dump.sql"
        let dump = try (0..<3).map { _ in
            try timeProcess(server.binaries.path("pg_dump"), ["--schema-only", "--file=" + dumpFile, "--dbname=\(replayed.raw)"])
        }.min()!
        print("  schemactl consolidate (warm cache): \(format(unproved)) without the proof, \(format(proved)) with it, "
              + "\(format(remembered)) with it remembered (unchanged history, run again)")
        print("  pg_dump --schema-only:              \(format(dump))")
        print(String(format: "  ratio: %.2f without the proof, %.2f with it, %.2f remembered (schemactl / pg_dump)",
                     unproved.seconds / dump.seconds, proved.seconds / dump.seconds, remembered.seconds / dump.seconds))
        // Loading each into an empty database, in one transaction.
        for (label, file) in [("consolidated_schema.sql", directory + "/consolidated_schema.sql"), ("pg_dump -s output", dumpFile)] {
            let name = "load_\(label.hasPrefix("pg") ? "dump" : "consolidated")"
            try admin.execute("CREATE DATABASE \(name)")
            let took = try timeProcess(psql, ["-q", "-X", "-1", "-v", "ON_ERROR_STOP=1", "-f", file, server.connectionString(database: name).raw])
            print("  psql -1 -f \(label): \(format(took))")
        }
    }
}

/// Seeded random histories, every step's plan proved both ways.
struct RandomBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "random",
        abstract: "Run seeded random schema histories, proving each step's plan and its reverse; report the steps covered."
    )

    @Option(help: "Steps per seed.")
    var steps: Int = 100

    @Option(help: "Seeds, from --first-seed.")
    var seeds: Int = 10

    @Option(help: "The first seed.")
    var firstSeed: UInt64 = 1

    @Flag(help: "Print each seed's edits, one file of SQL a seed, instead of proving them: to replay a failing step by hand.")
    var printHistory = false

    @Option(help: "Names that must be quoted: `t3` written \"T.3\" (dot) or \"T 3\" (space), everywhere (QuotedNames).")
    var quotedNames: String?

    @Flag(help: "Plan with --online (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a lock_timeout).")
    var online = false

    func run() throws {
        let range = firstSeed...(firstSeed + UInt64(max(seeds, 1)) - 1)
        let quoting: QuotedNames?
        switch quotedNames {
        case nil: quoting = nil
        case "dot"?: quoting = QuotedNames(separator: ".")
        case "space"?: quoting = QuotedNames(separator: " ")
        case let other?: throw ValidationError("--quoted-names \(other): expected dot or space")
        }
        if printHistory {
            for seed in range {
                var history = RandomHistory(seed: seed)
                print("-- seed \(seed)")
                for step in 1...steps {
                    let edit = history.next()
                    print("-- step \(step)\n\(quoting?.sql(edit) ?? edit);")
                }
            }
            return
        }
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let check = PlanCheck(replay: MigrationReplay(scratch: server.connectionString().raw, useCache: false))
        let clock = ContinuousClock()
        let start = clock.now
        var (proved, failed) = (0, 0)
        // pg_trgm is contrib: a server without it (the wheel of 16) gets no extension edits.
        let trigrams = try Connection(server.connectionString())
            .query("SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'pg_trgm'").rows.count == 1
        for seed in range {
            let admin = try Connection(server.connectionString())
            try admin.execute("CREATE DATABASE random_\(seed)")
            let connection = try Connection(server.connectionString(database: "random_\(seed)"))
            var history = RandomHistory(seed: seed, trigrams: trigrams)
            var before = try Inspector().inspect(connection)
            for step in 1...steps {
                let plain = history.next()
                let edit = quoting?.sql(plain) ?? plain
                let renames = quoting?.renames(history.renames) ?? history.renames
                try connection.execute(edit)
                let after = try Inspector().inspect(connection)
                // What the edit renamed or moved, confirmed as `--rename` would: those plans must hold too, and lose nothing.
                let renamed = renames.isEmpty ? [] : [(before, after, "renamed", renames), (after, before, "renamed back", Rename.reversed(renames))]
                for (from, to, label, renames) in [(before, after, "forward", []), (after, before, "reverse", [])] + renamed {
                    // Written for the server's major, as `diff --format sql` writes it for its source's.
                    let options = PlanOptions(online: online, renames: renames, serverMajor: connection.serverVersionNumber / 10000)
                    let plan = try check.plan(from: from, to: to, options: options)
                    let holds = (try? check.prove(plan, from: from, to: to).holds) ?? false
                    let lost = renames.isEmpty ? [] : plan.dataLoss
                    if holds, lost.isEmpty { proved += 1 } else {
                        failed += 1
                        print("  seed \(seed) step \(step) \(label) FAILS\(lost.isEmpty ? "" : " (loses \(lost))"): \(edit)")
                    }
                }
                before = after
            }
        }
        print("random histories: \(seeds) seeds × \(steps) steps = \(seeds * steps) steps, \(proved) plans proved, \(failed) failed, "
              + "in \(format(clock.now - start))")
    }
}
