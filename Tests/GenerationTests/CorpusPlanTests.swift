import Diff
import Foundation
import SQLGeneration
import SQLText
import SchemaModel
import TestSupport
import Testing

/// migra's own acceptance corpus: for every case, a.sql and b.sql each round-trip
/// through their consolidated script, and the proved plan turns a into b and b into a;
/// the plan a→b short of a statement gets one verdict on its scope and on the whole of a.
@Suite struct CorpusPlanTests {
    @Test(arguments: Proving.corpusCases)
    func planTurnsAIntoBAndBack(_ name: String) throws {
        let folder = Proving.corpus.appendingPathComponent(name)
        let a = try String(contentsOf: folder.appendingPathComponent("a.sql"), encoding: .utf8)
        let b = try String(contentsOf: folder.appendingPathComponent("b.sql"), encoding: .utf8)
        if let reason = try ServerFeatures.missing(for: a + b) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        try TestDatabase.ensureRole("schemainspect_test_role")
        let old = try TestDatabase.model(after: a)
        let new = try TestDatabase.model(after: b)
        try Proving.expectScriptRoundTrip(old, name + "/a.sql")
        try Proving.expectScriptRoundTrip(new, name + "/b.sql")
        try Proving.expectDumpsAgree(a, name + "/a.sql")
        try Proving.expectDumpsAgree(b, name + "/b.sql")
        try Proving.expectPlanHolds(from: old, to: new, name + " a→b")
        try Proving.expectScopedVerdictIsTheWholeSources(from: old, to: new, name + " a→b")
        // extversions' b→a downgrades pg_trgm 1.4 to 1.3, which no update path does: made again.
        try Proving.expectPlanHolds(from: new, to: old, name + " b→a")
    }

    @Test func theKitchenSinkRoundTrips() throws {
        let sql = try String(contentsOf: Proving.kitchenSink, encoding: .utf8)
        if let reason = try ServerFeatures.missing(for: sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let model = try TestDatabase.model(after: sql)
        try Proving.expectScriptRoundTrip(model, "kitchen sink")
        try Proving.expectDumpsAgree(sql, "kitchen sink")
        try Proving.expectPlanHolds(from: DatabaseModel(), to: model, "empty → kitchen sink")
        try Proving.expectPlanHolds(from: model, to: DatabaseModel(), "kitchen sink → empty")
    }

    /// The kitchen sink's schemas renamed (`--rename`), one of them to a keyword: every kind of
    /// object it holds stays, and each plan is one `ALTER SCHEMA`, proved both ways.
    @Test func theKitchenSinksSchemasAreRenamedWithEverythingInThem() throws {
        let sql = try String(contentsOf: Proving.kitchenSink, encoding: .utf8)
        if let reason = try ServerFeatures.missing(for: sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let old = try TestDatabase.model(after: sql)
        for (was, now) in [("Sales Δ", "Ventes ∂"), ("select", "from")] {
            let new = try TestDatabase.model(after: sql.replacingOccurrences(of: SQLQuoting.identifier(was), with: SQLQuoting.identifier(now)))
            let rename = Rename(schema: was, to: now)
            for (source, target, renames) in [(old, new, [rename]), (new, old, Rename.reversed([rename]))] {
                let plan = Planner(from: source, to: target, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major())).plan()
                #expect(plan.statements.map(\.sql) == ["ALTER SCHEMA \(SQLQuoting.identifier(renames[0].table.schema)) RENAME TO \(SQLQuoting.identifier(renames[0].newName));"],
                        "\(plan.sql)")
                #expect(try Proving.check().prove(plan, from: source, to: target).holds, "\(plan.sql)")
            }
        }
    }
}
