import Diff
import Foundation
import Migrations
import Replay
import SQLGeneration
import SchemaModel
import Support

/// What proving a plan found: the difference left between the database the
/// plan produced and the target (empty when the plan holds), and how long it took.
public struct PlanProof: Sendable {
    public let leftover: SchemaDiff
    public let seconds: Double
    /// When the plan was proved on the part of the source it can reach (`ProofScope`):
    /// how many top-level objects that part held, and the source.
    public var scope: (objects: Int, of: Int)? = nil
    /// Whether the source was loaded on two connections at once (`SourceLanes`).
    public var inLanes = false
    public var holds: Bool { leftover.isEmpty }
}

/// Proves plans on a scratch database: loads the source model there (its
/// schema script), applies the plan as a migration would run, inspects the
/// result and diffs it with the target. Nothing is shown to a user before this.
public struct PlanCheck: Sendable {
    public var replay: MigrationReplay
    /// Whether a plan is proved on its scope first (`ProofScope`); false proves every plan
    /// on the whole source, as the tests do to compare the two verdicts.
    public var scoped = true
    /// The largest share of the source a scope may cover (`ProofScope.largestShare`); the
    /// tests raise it to 1 to prove small schemas on their scope too.
    public var largestShare = ProofScope.largestShare

    public init(replay: MigrationReplay) {
        self.replay = replay
        self.replay.warnsOfMissingRoles = false
    }

    /// The plan from `source` to `target`, written for the server that proves it: an extension
    /// whose version has no update path there is made again (`PlanOptions.extensionsRemade`).
    public func plan(from source: DatabaseModel, to target: DatabaseModel, options: PlanOptions) throws -> Plan {
        var options = options
        options.extensionsRemade = try replay.extensionsWithoutUpdatePath(from: source, to: target)
        return Planner(from: source, to: target, options: options).plan()
    }

    /// The plan applied to `source`, compared with `target`: first on the part of the
    /// source the plan can reach (`ProofScope`), and on the whole source when that
    /// part does not hold (or the plan's reach cannot be read), so the verdict is
    /// always the whole source's when it is a refusal. A plan its scope refused (on one
    /// connection) is refused by the whole source too but where the scope missed something:
    /// the whole is then loaded on one connection straight away, not first in lanes.
    /// `label` names the plan in a statement's error: `(the reverse plan):3:1: …`.
    public func prove(_ plan: Plan, from source: DatabaseModel, to target: DatabaseModel, label: String = "the plan") throws -> PlanProof {
        let clock = ContinuousClock()
        let start = clock.now
        let scope = scoped ? ProofScope(plan: plan, changed: plan.changedObjects ?? Set(SchemaDiff(from: source, to: target).changes.map(\.id)),
                                        source: source, target: target, largestShare: largestShare) : nil
        if let scope, let (leftover, inLanes) = try? apply(plan, to: scope.restrict(source), comparedWith: scope.restrict(target), label: label),
           leftover.isEmpty {
            return PlanProof(leftover: leftover, seconds: (clock.now - start).seconds, scope: scope.share, inLanes: inLanes)
        }
        // Where a scope was tried, it refused the plan: the whole source on one connection.
        let (leftover, inLanes) = try apply(plan, to: source, comparedWith: target, lanes: scope == nil, label: label)
        return PlanProof(leftover: leftover, seconds: (clock.now - start).seconds, inLanes: inLanes)
    }

    /// What is left between `target` and the scratch database `source` and then the plan give.
    /// The source is loaded on two connections at once where it parts (`SourceLanes`) and
    /// `lanes` allows; where that fails or leaves anything, again on one, whose verdict it is.
    private func apply(_ plan: Plan, to source: DatabaseModel, comparedWith target: DatabaseModel,
                       lanes inLanes: Bool = true, label: String) throws -> (SchemaDiff, inLanes: Bool) {
        let planFile = MigrationFile(path: "(\(label))", text: Self.file(plan), expectedVersion: nil)
        if inLanes, let (first, lanes, last) = SourceLanes(source)?.files(),
           let (result, _) = try? replay.replay(first, lanes: lanes, then: last + [planFile]) {
            let leftover = Self.leftover(result, source: source, target: target)
            if leftover.isEmpty { return (leftover, true) }
        }
        let (result, _) = try replay.replay(Self.sourceFiles(source) + [planFile], createSchemaVersions: false)
        return (Self.leftover(result, source: source, target: target), false)
    }

    /// What is left between `target` and `result`, the scratch database `source` and a plan gave.
    private static func leftover(_ result: DatabaseModel, source: DatabaseModel, target: DatabaseModel) -> SchemaDiff {
        // The scratch database is built from the source's model, which cannot hold what the
        // census names: what the source has of that is not the plan's to make. What only the
        // target has, the plan cannot make, and stays a difference; but for an option that may
        // hold a password, which the plan names for its user to set (`PasswordOptions`), and
        // what belongs to the database rather than its schema (its settings), which reading
        // the target named.
        var expected = target.withoutInvalidIndexes
        let inSource = Set(source.unmodelled)
        expected.unmodelled.removeAll {
            inSource.contains($0) || $0.kind == UnmodelledObject.passwordOption || $0.belongsToTheEnvironment
        }
        return SchemaDiff(from: result.withoutInvalidIndexes, to: expected)
    }

    /// A schema script applied twice to an empty database must give its model:
    /// it builds the schema, and running it again changes nothing.
    public func proveScript(_ script: String, gives model: DatabaseModel) throws -> PlanProof {
        let clock = ContinuousClock()
        let start = clock.now
        let files = [
            MigrationFile(path: "(the schema script)", text: script, expectedVersion: nil),
            MigrationFile(path: "(the schema script, again)", text: script, expectedVersion: nil),
        ]
        let (result, _) = try replay.replay(files, createSchemaVersions: false)
        // What the census names, no script can make: `consolidate` refuses it apart (`--allow-unmodelled`).
        var expected = SchemaScript.reachableColumnOrder(model.withoutInvalidIndexes)
        expected.unmodelled = []
        // Column order too: a fresh environment built from the script must read `SELECT *` and
        // `INSERT … VALUES` as the one it was read from (a plan cannot reorder, a script can),
        // but for an inheritance child's column added to its parent later (`reachableColumnOrder`).
        return PlanProof(leftover: SchemaDiff(from: result.withoutInvalidIndexes, to: expected, flattener: ModelFlattener(columnOrder: true)),
                         seconds: (clock.now - start).seconds)
    }

    /// Statements of the source schema per transaction: one transaction of every statement
    /// grows slower with each (18,254 statements at 2,500 tables: 11.0 s in one, 4.4 s in
    /// transactions of 200, `schemactl-bench plan --phases`).
    static let sourceStatementsPerTransaction = 200

    /// The source schema for a proof: plain creation statements, the plan from an empty
    /// model. A scratch database holds nothing to guard against, and the consolidated
    /// file's guards (DO blocks, IF NOT EXISTS) would only slow the load. In files of
    /// `sourceStatementsPerTransaction` statements, each its own transaction (a file
    /// that must run outside one stays whole); each file turns function body checks off
    /// again, as the runner resets the session between files.
    /// `from`: what is loaded already (`SourceLanes`): the files make what `model` adds to it.
    static func sourceFiles(_ model: DatabaseModel, from loaded: DatabaseModel = DatabaseModel()) -> [MigrationFile] {
        let plan = Planner(from: loaded, to: model).plan()
        guard !plan.needsNoTransaction else {
            return [MigrationFile(path: "(the source schema)", text: file(plan), expectedVersion: nil)]
        }
        let size = sourceStatementsPerTransaction
        return stride(from: 0, to: plan.statements.count, by: size).map { first in
            let last = min(first + size, plan.statements.count)
            let text = "SET check_function_bodies = off;\n"
                + plan.statements[first..<last].map(\.annotated).joined(separator: "\n") + "\n"
            return MigrationFile(path: "(the source schema, statements \(first + 1) to \(last))", text: text, expectedVersion: nil)
        }
    }

    /// The plan as a migration file: bare (`-- schemactl:no-transaction`) when a statement needs it.
    static func file(_ plan: Plan) -> String {
        (plan.needsNoTransaction ? "-- schemactl:no-transaction\n" : "") + plan.sql
    }
}

extension DatabaseModel {
    /// Without the indexes a failed `CREATE INDEX CONCURRENTLY` left invalid: no
    /// plan builds one (nothing can use it), so a proof does not ask for it.
    var withoutInvalidIndexes: DatabaseModel {
        var copy = self
        for index in copy.tables.indices { copy.tables[index].indexes.removeAll { $0.invalid } }
        for index in copy.views.indices { copy.views[index].indexes.removeAll { $0.invalid } }
        return copy
    }
}
