import ArgumentParser
import Diff
import Foundation
import Migrations
import Release
import Replay
import SQLGeneration
import SQLText
import SchemaModel

/// How `diff --format sql` and `generate` plan: what they may destroy, whether
/// they prove, how they keep tables available, which renames the user confirmed.
struct PlanningOptions: ParsableArguments {
    @Flag(name: .long, help: "Allow a plan that destroys data (dropped tables, columns, enum values; narrowed types).")
    var allowDestructive = false

    @Flag(name: .long, help: "Skip the proof on a scratch database (said in the output).")
    var noVerify = false

    @Flag(name: .long, help: "Prefer what keeps tables available: CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a lock_timeout.")
    var online = false

    @Option(name: .long, help: ArgumentHelp("Rename instead of drop and add: schema.table.column=new, schema.table=new, schema.table=schema.new to move it, schema.enum.value=new, schema.sequence=new, or schema=new for a schema with everything in it (repeatable; other renames name their objects as the source does). A name holding a dot, a double quote or = goes in double quotes, as in SQL: \"App.Core\".\"User\"=Member.",
                                            valueName: "OLD=NEW"))
    var rename: [String] = []

    /// What the plan would destroy, refused without --allow-destructive.
    struct Destructive: Error, CustomStringConvertible {
        let losses: [String]
        /// The plan's possible renames and moves: a loss that may not be meant.
        var renames: [String] = []
        var description: String {
            "the plan destroys data; nothing was written. Pass --allow-destructive if that is meant:\n"
                + losses.map { "  - " + $0 }.joined(separator: "\n")
                + renames.map { "\nnote: " + $0 }.joined()
        }
    }

    /// The plan did not turn the source into the target on a scratch database.
    struct ProofFailed: Error, CustomStringConvertible {
        let direction: String
        let leftover: SchemaDiff
        var description: String {
            "the \(direction) plan, applied on a scratch database, does not give its target; nothing was written. What is left over "
                + "(the result → the target):\n" + DiffRenderer.text(leftover, colour: false)
        }
    }

    func renames(in model: DatabaseModel) throws -> [Rename] {
        let tables = Set(model.tables.map(\.name)), enums = Set(model.enums.map(\.name))
        let sequences = Set(model.sequences.filter { $0.ownedBy == nil }.map(\.name)), schemas = Set(model.schemas.map(\.name))
        return try rename.map { text in
            guard let parsed = Rename.parse(text, tables: tables, enums: enums, sequences: sequences, schemas: schemas) else {
                throw ValidationError("--rename \(text): expected schema.table.column=new, schema.table=new, schema.enum.value=new, schema.sequence=new or schema=new"
                                      + (RenameArgument.sides(text) == nil && text.contains("\"") ? " (a double quote not closed, or not followed by a dot)" : ""))
            }
            // `a.b=new` names a table `a.b` or a column `b` of `public.a`: where neither is, say both.
            let path = RenameArgument.sides(text)?.old ?? []
            if path.count == 2, let column = parsed.column, !parsed.enumValue, !tables.contains(parsed.table) {
                throw ValidationError("--rename \(text): there is no table \(QualifiedName(schema: path[0], name: path[1]).sql), "
                                      + "nor a table \(parsed.table.sql) with a column \(SQLQuoting.identifier(column))")
            }
            if let problem = parsed.problem(in: model) { throw ValidationError("--rename \(text): \(problem)") }
            return parsed
        }
    }

    func options(for old: DatabaseModel, serverMajor: Int) throws -> PlanOptions {
        PlanOptions(online: online, renames: try renames(in: old), serverMajor: serverMajor > 0 ? serverMajor : nil)
    }

    /// The plan from `old` to `new`, refused when it destroys data unless allowed,
    /// and proved on a scratch database unless --no-verify.
    /// `memory`: where proofs between these two models are remembered, when what each
    /// is a function of is known (`LoadedModel.contentKey`), and the cache is used.
    func provedPlan(from old: DatabaseModel, to new: DatabaseModel, serverMajor: Int, replay: MigrationReplay,
                    memory: ProofMemory? = nil) throws -> Plan {
        let options = try options(for: old, serverMajor: serverMajor)
        // Unproved, no server is asked which extensions have no update path.
        let plan = noVerify ? Planner(from: old, to: new, options: options).plan()
            : try PlanCheck(replay: replay).plan(from: old, to: new, options: options)
        if !allowDestructive, !plan.dataLoss.isEmpty {
            throw Destructive(losses: plan.dataLoss, renames: plan.possibleRenames)
        }
        try prove(plan, from: old, to: new, direction: "forward", replay: replay, memory: memory, serverMajor: serverMajor)
        return plan
    }

    /// Proofs that held between two models whose contents are known: the same plan between
    /// the same two contents, on the same scratch server, holds again.
    struct ProofMemory {
        let records: ProofRecords
        /// The two sides' `LoadedModel.contentKey`.
        let from: String
        let to: String

        init?(records: ProofRecords, from: String?, to: String?) {
            guard let from, let to else { return nil }
            self.records = records
            self.from = from
            self.to = to
        }

        /// Everything the proof's outcome is a function of: both contents, the plan, the scratch server.
        func key(_ plan: Plan, direction: String, serverMajor: Int, replay: MigrationReplay) -> String {
            var hash = ContentHash()
            let scratch = replay.scratch ?? ProcessInfo.processInfo.environment["SCHEMACTL_SCRATCH_URL"] ?? "embedded"
            for part in ["plan proof", direction, from, to, scratch, "\(serverMajor)", "trusted \(replay.trustedSQL)", "\(replay.roles)"] {
                hash.update(String(part.utf8.count) + "\0" + part + "\0")
            }
            hash.update(plan.sql)
            return hash.finalize()
        }
    }

    func prove(_ plan: Plan, from old: DatabaseModel, to new: DatabaseModel, direction: String, replay: MigrationReplay,
               memory: ProofMemory? = nil, serverMajor: Int = 0) throws {
        guard !noVerify else {
            Terminal.error("warning: --no-verify: the \(direction) plan was not proved on a scratch database")
            return
        }
        // An empty plan between two sides that differ is proved too: it is refused, with what it
        // leaves, rather than printed as nothing.
        guard !plan.isEmpty || !SchemaDiff(from: old, to: new).isEmpty else { return }
        let key = memory?.key(plan, direction: direction, serverMajor: serverMajor, replay: replay)
        if let memory, let key, memory.records.holds(key) {
            Terminal.error("the \(direction) plan was proved before, between the same two catalogs on the same scratch server "
                           + "(--no-cache proves it again)")
            return
        }
        let proof = try PlanCheck(replay: replay).prove(plan, from: old, to: new, label: "the \(direction) plan")
        ProgressLine.shared.clear()
        guard proof.holds else { throw ProofFailed(direction: direction, leftover: proof.leftover) }
        if let memory, let key { memory.records.record(key) }
        if proof.seconds >= 1 {
            // An empty source has nothing to leave out.
            let scope = proof.scope.flatMap { $0.of > 0 ? " (on the \($0.objects) of the source's \($0.of) objects it can reach)" : nil } ?? ""
            Terminal.error("the \(direction) plan was proved on a scratch database in \(String(format: "%.1f", proof.seconds)) s\(scope)")
        }
    }
}
