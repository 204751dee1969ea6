import Foundation
import Migrations
import Replay
import SQLGeneration
import SchemaModel
import Support

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
        var reverseOptions = options
        // A rename forward is a rename back.
        reverseOptions.renames = Rename.reversed(options.renames)
        // The two ways are planned, and proved, at once: each proof is a scratch database of its
        // own (the embedded server is reset only when the last replay on it ends). Planned for the
        // server that proves them (the rollback of an extension's upgrade makes it again).
        let ways = [(from, to, options), (to, from, reverseOptions)]
        let plans = try ways.parallelMap { way in
            try check?.plan(from: way.0, to: way.1, options: way.2) ?? Planner(from: way.0, to: way.1, options: way.2).plan()
        }
        (forward, reverse) = (plans[0], plans[1])
        if let check {
            let clock = ContinuousClock()
            let start = clock.now
            let proofs = try [0, 1].parallelMap { side in try check.prove(plans[side], from: ways[side].0, to: ways[side].1,
                                                                                    label: side == 0 ? "the forward plan" : "the reverse plan") }
            for (direction, proof) in zip(["forward", "reverse"], proofs) where !proof.holds {
                throw ProofFailed(direction: direction, proof: proof)
            }
            proofSeconds = (clock.now - start).seconds
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
