import Foundation
import Migrations
import Replay
import SQLGeneration
import SchemaModel

/// A migration and its rollback between two models, in the guide's format:
/// the forward plan and the reverse plan, each proved on a scratch database.
public struct Generation: Sendable {
    public let forward: Plan
    public let reverse: Plan
    public let migration: String
    public let rollback: String
    /// Seconds the two proofs took; nil when skipped.
    public let proofSeconds: Double?

    /// What a plan left over on its scratch database.
    public struct ProofFailed: Error, CustomStringConvertible {
        public let direction: String
        public let proof: PlanProof
        public var description: String {
            "the \(direction) plan, applied on a scratch database, does not give its target; nothing was written. What is left over "
                + "(the result → the target):\n" + Consolidation.describe(proof)
        }
    }

    /// Plans both ways between `from` and `to`, proves them (unless `check` is
    /// nil) and writes them into the guide's templates for `template`'s version.
    public init(from: DatabaseModel, to: DatabaseModel, template: MigrationTemplate, options: PlanOptions, check: PlanCheck?) throws {
        forward = Planner(from: from, to: to, options: options).plan()
        var reverseOptions = options
        // A rename forward is a rename back.
        reverseOptions.renames = options.renames.map { rename in
            rename.column.map { Rename(table: rename.table, column: rename.newName, newName: $0) }
                ?? Rename(table: QualifiedName(schema: rename.table.schema, name: rename.newName), newName: rename.table.name)
        }.map { rename in
            guard rename.column != nil, let renamedTable = options.renames.first(where: { $0.column == nil && $0.table == rename.table }) else {
                return rename
            }
            return Rename(table: QualifiedName(schema: rename.table.schema, name: renamedTable.newName), column: rename.column, newName: rename.newName)
        }
        reverse = Planner(from: to, to: from, options: reverseOptions).plan()
        if let check {
            let proofs = [try check.prove(forward, from: from, to: to), try check.prove(reverse, from: to, to: from)]
            for (direction, proof) in zip(["forward", "reverse"], proofs) where !proof.holds {
                throw ProofFailed(direction: direction, proof: proof)
            }
            proofSeconds = proofs.map(\.seconds).reduce(0, +)
        } else {
            proofSeconds = nil
        }
        migration = template.migration(body: Self.body(forward), bare: forward.needsNoTransaction)
        rollback = template.rollback(body: Self.body(reverse), bare: reverse.needsNoTransaction)
    }

    static func body(_ plan: Plan) -> String {
        plan.isEmpty ? "-- Nothing to change.\n" : plan.sql
    }
}
