import ArgumentParser
import Introspection
import Foundation
import Migrations
import Release
import Replay
import SQLGeneration

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write pending/YYYYMMDD_description.sql and its rollback: the proved plan from FROM to TO, and back.",
        discussion: """
            FROM defaults to the replay of archive/, applied/ and pending/; TO is typically your own development database. \
            Both plans are proved on a scratch database before anything is written. A plan that destroys data is refused \
            unless --allow-destructive. A plan with a statement that cannot run in a transaction is written as a \
            `-- schemactl:no-transaction` file that records its version last.
            """
    )

    @Argument(help: "What the migration does, in words (it becomes the file name and the schema_versions description).")
    var description: String

    @Option(name: .long, help: ArgumentHelp("The source the migration leads to (database, directory, .sql file or snapshot).", valueName: "SOURCE"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The source it starts from (default: the migrations directory with pending/).", valueName: "SOURCE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The date of the migration, YYYYMMDD (default: today).", valueName: "YYYYMMDD"))
    var date: String?

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var planOptions: PlanningOptions
    @OptionGroup var schemaFilter: SchemaFilterOptions
    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        if let date, !MigrationFileName.isRealDate(date) {
            throw ValidationError("--date \(date) is not a real date in the form YYYYMMDD")
        }
    }

    func run() throws {
        let directory = try MigrationDirectory.load(migrationsOption.migrations)
        let name = try MigrationScaffold.name(for: description, date: date ?? NewCommand.today())
        if let existing = directory.migration(version: name.version) {
            throw MigrationScaffold.Failure.versionExists(version: name.version, file: existing.file.path)
        }
        var loader = try sourceOptions.loader(filter: schemaFilter.filter)
        loader.includePending = true
        let fromSource = try SourceSpecifier.parse(from ?? migrationsOption.migrations)
        // The two sides are read at once, as diff reads them, sharing the connections.
        let specifiers = [fromSource, try SourceSpecifier.parse(to)]
        loader.parallelism = Inspector.parallelism(sharedBy: specifiers.filter { if case .database = $0 { return true } else { return false } }.count)
        let sharing = loader
        let results = concurrently(2) { side in try sharing.load(specifiers[side]) }
        let old = try results[0].get(), new = try results[1].get()
        ProgressLine.shared.clear()
        Terminal.warnUnmodelled(old.model, source: from ?? migrationsOption.migrations)
        Terminal.warnUnmodelled(new.model, source: to)
        let options = try planOptions.options(for: old.model, serverMajor: old.serverVersion / 10000)
        let template = MigrationTemplate(version: name.version, title: description)
        let replay = try sourceOptions.replay
        let generation = try Generation(from: old.model, to: new.model, template: template, options: options,
                                        check: planOptions.noVerify ? nil : PlanCheck(replay: replay))
        ProgressLine.shared.clear()
        if generation.forward.isEmpty {
            // What differs may be what no statement can give (an option that may hold a password).
            let notes = generation.forward.notes
            Terminal.error(notes.isEmpty ? "the two sources have the same schema: nothing to generate"
                           : "no statement to write, nothing generated: " + notes.joined(separator: "; "))
            throw ExitCode(1)
        }
        if !planOptions.allowDestructive, !generation.forward.dataLoss.isEmpty {
            throw PlanningOptions.Destructive(losses: generation.forward.dataLoss, renames: generation.forward.possibleRenames)
        }
        if planOptions.noVerify { Terminal.error("warning: --no-verify: neither plan was proved on a scratch database") }
        if let seconds = generation.proofSeconds, seconds >= 1 {
            Terminal.error("both plans were proved on a scratch database in \(String(format: "%.1f", seconds)) s")
        }
        for note in generation.forward.possibleRenames { Terminal.error("note: " + note) }
        let written = try MigrationScaffold.write(name: name, migration: generation.migration, rollback: generation.rollback, in: directory)
        Terminal.print("created \(written.migration)\ncreated \(written.rollback)")
    }
}
