import ArgumentParser
import Drift
import Foundation
import Migrations
import PostgresClient
import Release

/// The database a lifecycle command works on, and whether its applies move files:
/// `--env NAME` (from schemactl.toml; `production = true` moves), else `--database`
/// (or `$DATABASE_URL`, or libpq's `PG*` variables), which moves only with `--move`.
struct TargetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A connection string. Default: $DATABASE_URL, then libpq's PG* variables.", valueName: "URL"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("An environment of the environments file.", valueName: "NAME"))
    var env: String?

    @Option(name: .customLong("environments"), help: ArgumentHelp("The environments file (default: schemactl.toml).", valueName: "FILE"))
    var environmentsFile: String?

    @Flag(name: .long, help: "Move files between pending/ and applied/ as for the production database (default: only for an environment marked production = true).")
    var move = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another runner's lock (default 60).", valueName: "SECONDS"))
    var lockTimeout: Double = 60

    func validate() throws {
        if database != nil && env != nil { throw ValidationError("give --database or --env, not both") }
    }

    /// The connection, and whether files move.
    func resolve() throws -> (ConnectionString, moves: Bool, name: String) {
        if let env {
            let path = environmentsFile ?? SourceOptions.settingsFile
            let file = try EnvironmentsFile.load(path)
            let production = file.entries.first { $0.name == env }?.production ?? false
            return (try file.connectionString(of: env), move || production, env)
        }
        let url = database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        let connection = ConnectionString(url)
        return (connection, move, url.isEmpty ? "the database of PG* variables" : connection.redacted)
    }
}

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply the migrations the database lacks, in order, each in its own transaction, one runner at a time.",
        discussion: """
            Creates schema_versions where it is absent, adds a nullable checksum column to it, and applies each \
            migration of applied/ and pending/ the database lacks: the file's own BEGIN … COMMIT, or one around it; a \
            `-- schemactl:no-transaction` file runs bare. Each must record its own version. On the production database \
            (an environment with production = true, or --move) each pair then moves from pending/ to applied/, after \
            its commit. A failing migration rolls back, stays in pending/, and stops the run (exit 2). A migration rolled \
            back earlier is applied again: its inactive row is deleted inside the file's transaction, and the file records \
            it anew. --baseline builds a new environment: consolidated_schema.sql on an empty database, then pending/.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Stop after this version.", valueName: "VERSION"))
    var to: String?

    @Flag(name: .long, help: "Print what would be applied, in order, and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "An empty database: load consolidated_schema.sql, then apply pending/.")
    var baseline = false

    @Flag(name: .long, help: "Applied files whose bytes changed since they were applied are an error (default: a warning).")
    var strict = false

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var target: TargetOptions

    func run() throws {
        let (database, moves, name) = try target.resolve()
        var options = MigrationApplier.Options(upTo: to, dryRun: dryRun, move: moves, strict: strict, lockTimeout: target.lockTimeout)
        options.baseline = baseline
        let applier = MigrationApplier(directory: migrationsOption.migrations, database: database, options: options,
                                       report: { Terminal.error($0) })
        let outcome = try applier.run()
        if dryRun {
            Terminal.print(outcome.applied.isEmpty ? "nothing to apply to \(name)"
                           : "would apply to \(name), in order:\n" + outcome.applied.map { "  " + $0 }.joined(separator: "\n"))
            return
        }
        if outcome.applied.isEmpty {
            Terminal.print("\(name) is up to date")
        } else {
            Terminal.print("applied to \(name): " + outcome.applied.joined(separator: ", "))
        }
        if !outcome.applied.isEmpty && !moves {
            Terminal.print("files stay in pending/: \(name) is not the production database (an environment with production = true, or --move)")
        }
    }
}

struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Run a migration's rollback script in a transaction; on production, move the pair back to pending/.",
        discussion: """
            Only the newest active migration may be rolled back unless --force. An archived migration cannot be: it is \
            history. The rollback must mark its version inactive with rolled_back_at set, in its own transaction; if it \
            does not, nothing of it is kept.
            """
    )

    @Argument(help: "The version to roll back (default with --last: the newest active one).")
    var version: String?

    @Flag(name: .long, help: "Roll back the newest active migration.")
    var last = false

    @Flag(name: .long, help: "Roll back a migration that is not the newest active one.")
    var force = false

    @Flag(name: .long, help: "Say what would be rolled back, and change nothing.")
    var dryRun = false

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var target: TargetOptions

    func validate() throws {
        if (version == nil) == !last { throw ValidationError("give a VERSION or --last") }
    }

    func run() throws {
        let (database, moves, name) = try target.resolve()
        var rollback = MigrationRollback(directory: migrationsOption.migrations, database: database,
                                         target: version.map { .version($0) } ?? .last)
        rollback.force = force
        rollback.move = moves
        rollback.dryRun = dryRun
        rollback.lockTimeout = target.lockTimeout
        rollback.report = { Terminal.error($0) }
        let result = try rollback.run()
        if dryRun {
            Terminal.print("would roll back \(result.version) on \(name)")
            return
        }
        Terminal.print("rolled back \(result.version) on \(name)" + (result.moved ? "; moved its pair back to pending/" : ""))
    }
}

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "The release step: move applied migrations (with their rollbacks) into archive/ and regenerate consolidated_schema.sql.",
        discussion: """
            Before anything moves: every environment named with --env has each of those migrations active, and the \
            regenerated consolidated schema, applied twice to an empty database, gives the replay. All or nothing: the \
            new file and the snapshot are written aside and the moves journaled first (.schemactl/archive-journal beside \
            the migrations directory); a run that stops half-way is finished by the next `archive`. Writes \
            snapshots/release-<last version>.json, the model at the release.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Archive applied/ up to this version (default: all of applied/).", valueName: "VERSION"))
    var through: String?

    @Flag(name: .long, help: "Print what would move and change nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("An environment that must have every archived migration active (repeatable).", valueName: "NAME"))
    var env: [String] = []

    @Option(name: .customLong("environments"), help: ArgumentHelp("The environments file (default: schemactl.toml).", valueName: "FILE"))
    var environmentsFile: String?

    @Option(name: .long, help: ArgumentHelp("Where release snapshots go.", valueName: "DIR"))
    var snapshots = "snapshots"

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        var archive = Archive(directory: migrationsOption.migrations, replay: try sourceOptions.replay)
        archive.through = through
        archive.snapshots = snapshots
        archive.report = { Terminal.error($0) }
        if let steps = ProcessInfo.processInfo.environment["SCHEMACTL_ARCHIVE_STOP_AFTER"].flatMap(Int.init) {
            archive.stopAfterSteps = steps // the tests' kill points
        }
        if !env.isEmpty {
            let file = try EnvironmentsFile.load(environmentsFile ?? SourceOptions.settingsFile)
            archive.environments = try env.map { ($0, try file.connectionString(of: $0)) }
        }
        if dryRun {
            let plan = try archive.plan()
            Terminal.print("would archive \(plan.versions.count) migrations:\n" + plan.versions.map { "  " + $0 }.joined(separator: "\n")
                           + "\nand write \(plan.snapshot)")
            return
        }
        let plan = try archive.run()
        ProgressLine.shared.clear()
        Terminal.print("archived \(plan.versions.count) migrations (\(plan.versions.first!) to \(plan.versions.last!)); "
                       + "wrote \(migrationsOption.migrations)/consolidated_schema.sql and \(plan.snapshot)")
    }
}
