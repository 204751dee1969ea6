import Diff
import Foundation
import Introspection
import SQLGeneration
import SchemaModel
import Synthetic
import TestSupport
import Testing

/// Seeded random histories: at every step, the plan from the schema before the
/// edit to the schema after it is proved, and the reverse plan too. CI runs
/// `seeds` × `steps`; `schemactl-bench random --steps N` runs as many as asked.
@Suite struct RandomHistoryPlanTests {
    static let seeds: [UInt64] = Array(1...8)
    static let steps = 25

    /// The histories CI runs rename indexes and constraints too: a plan renames them in place.
    @Test func theHistoriesRenameIndexesAndConstraintsAndReplaceViews() {
        let edits = Self.seeds.flatMap { seed in
            var history = RandomHistory(seed: seed)
            return (1...Self.steps).map { _ in history.next() }
        }
        #expect(edits.contains { $0.hasPrefix("ALTER INDEX ") && $0.contains(" RENAME TO ") })
        #expect(edits.contains { $0.contains(" RENAME CONSTRAINT ") })
        #expect(edits.filter { $0.hasPrefix("CREATE OR REPLACE VIEW ") }.count >= 2)
    }

    @Test(arguments: seeds)
    func everyStepIsPlannedBothWays(_ seed: UInt64) throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        var history = RandomHistory(seed: seed, standardBodies: try ServerFeatures.major() >= 14)
        var before = try Inspector().inspect(connection)
        for step in 1...Self.steps {
            let edit = history.next()
            try connection.execute(edit)
            let after = try Inspector().inspect(connection)
            try Proving.expectPlanHolds(from: before, to: after, "seed \(seed) step \(step) (\(edit))")
            try Proving.expectPlanHolds(from: after, to: before, "seed \(seed) step \(step) reversed (\(edit))")
            before = after
        }
    }
}
