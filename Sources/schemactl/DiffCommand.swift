import ArgumentParser
import Diff
import Foundation
import Introspection
import PostgresClient
import Replay
import SchemaModel

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two sources: objects added, removed and changed, property by property.",
        discussion: "Exit 0 when equal, 1 when different, 2 on an error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sql
    }

    @Argument(help: "The source to compare from (database, migrations directory, .sql file or snapshot).")
    var from: String

    @Argument(help: "The source to compare to.")
    var to: String

    @Option(help: "text (marked +, -, ~; coloured on a terminal unless NO_COLOR), json, markdown, or sql (the proved migration from FROM to TO).")
    var format: Format = .text

    @OptionGroup var planOptions: PlanningOptions

    @Flag(name: .long, help: "Report differences in column order too, and in whether a child declares an inherited column or (18) its NOT NULL itself (off by default: PostgreSQL can change neither in place).")
    var columnOrder = false

    @Flag(name: .long, help: "Report differences in owners too (off by default: the owning role differs between environments by design).")
    var owners = false

    @OptionGroup var schemaFilter: SchemaFilterOptions
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let specifiers = [try SourceSpecifier.parse(from), try SourceSpecifier.parse(to)]
        let liveSides = specifiers.filter { if case .database = $0 { return true } else { return false } }.count
        var sharing = try sourceOptions.loader(filter: schemaFilter.filter)
        sharing.parallelism = Inspector.parallelism(sharedBy: liveSides)
        // A diff does not compare the dependency graph; a plan is ordered by it.
        sharing.readsDependencies = format == .sql
        let loader = sharing
        // The two sides are read at once: two live databases, or a database and a replay.
        let results = concurrently(2) { side in try loader.load(specifiers[side]) }
        var old = try results[0].get()
        var new = try results[1].get()
        // A snapshot cut to some schemas is compared with the same cut of the other side,
        // so the schemas it left out do not show as added or removed.
        if schemaFilter.filter == .everything {
            for recorded in [old.recordedFilter, new.recordedFilter] where recorded != .everything {
                recorded.apply(to: &old.model)
                recorded.apply(to: &new.model)
            }
        }
        // The checksum column apply adds to schema_versions is the tool's own, not a difference.
        (old.model, new.model) = (old.model.withoutToolColumns(besides: new.model), new.model.withoutToolColumns(besides: old.model))
        if old.serverVersion / 10000 != new.serverVersion / 10000, old.serverVersion > 0, new.serverVersion > 0 {
            Terminal.error("warning: the two sides come from PostgreSQL \(old.serverVersion / 10000) and \(new.serverVersion / 10000). "
                           + "These properties are the server's own deparsed text, which a major version may print differently "
                           + "for the same object: a view's definition (16 and later write a single-table view's columns "
                           + "without the table name), and the expressions of defaults, generated columns, checks, index "
                           + "expressions and predicates, policies and triggers. A difference in those alone may be only that.")
        }
        // Each side as the user named it, a connection string without its password.
        let named = { (source: String) in ConnectionString.looksLikeConnectionString(source) ? ConnectionString(source).redacted : source }
        Terminal.warnUnmodelled(old.model, source: named(from))
        Terminal.warnUnmodelled(new.model, source: named(to))
        if format == .sql {
            let memory = loader.databaseMemory.flatMap {
                PlanningOptions.ProofMemory(records: $0.proofs, from: old.contentKey.map { $0 + " cut to \(schemaFilter.filter)" }, to: new.contentKey)
            }
            let plan = try planOptions.provedPlan(from: old.model, to: new.model, serverMajor: old.serverVersion / 10000,
                                                  replay: try sourceOptions.replay, memory: memory)
            if !plan.isEmpty || !plan.notes.isEmpty { Terminal.print(plan.sql) }
            if !plan.isEmpty || !SchemaDiff(from: old.model, to: new.model).isEmpty { throw ExitCode(1) }
            return
        }
        let diff = SchemaDiff(from: old.model, to: new.model, flattener: ModelFlattener(columnOrder: columnOrder, owners: owners))
        switch format {
        case .text:
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            if !diff.isEmpty { Terminal.print(DiffRenderer.text(diff, colour: colour)) }
        case .json:
            FileHandle.standardOutput.write(try DiffRenderer.json(diff))
        case .markdown:
            Terminal.print(DiffRenderer.markdown(diff))
        case .sql:
            break
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
