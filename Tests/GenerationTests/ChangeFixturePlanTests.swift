import Diff
import Foundation
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Every change fixture, both ways: the schema before and after, each written as
/// a consolidated script that rebuilds it (applied twice), and the plan from
/// one to the other proved on a scratch database in both directions; and the
/// forward plan short of a statement, proved on its scope and on the whole
/// source, with one verdict.
@Suite struct ChangeFixturePlanTests {
    @Test(arguments: ChangeFixture.files)
    func planAndScriptHoldBothWays(_ file: String) throws {
        let fixture = try ChangeFixture(contentsOf: ChangeFixture.folder.appendingPathComponent(file))
        if let reason = try ServerFeatures.missing(for: fixture.setup + fixture.change) {
            try Test.cancel(Comment(rawValue: "skipped: " + reason))
        }
        try TestDatabase.ensureRole("reader")
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(fixture.setup)
        let before = try Inspector().inspect(connection)
        try connection.execute(fixture.change)
        let after = try Inspector().inspect(connection)
        try Proving.expectScriptRoundTrip(after, file)
        try Proving.expectDumpsAgree(database, model: after, file)
        try Proving.expectPlanHolds(from: before, to: after, file + " forward")
        try Proving.expectPlanHolds(from: after, to: before, file + " backward")
        try Proving.expectScopedVerdictIsTheWholeSources(from: before, to: after, file + " forward")
    }
}
