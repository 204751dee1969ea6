import Diff
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import Testing

/// Each file under Fixtures/changes sets up a schema, changes one property, and
/// names the model paths that must change: exactly those, nothing else.
///
///     -- expect: tables[public.t].columns[a].type
///     -- setup
///     CREATE TABLE t (a int);
///     -- change
///     ALTER TABLE t ALTER COLUMN a TYPE bigint;
@Suite struct ChangeFixtureTests {
    static let folder = fixturesFolder.appendingPathComponent("changes")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".sql") }.sorted()

    @Test func thereIsAFixtureForEveryKindOfChange() {
        #expect(Self.files.count > 100)
    }

    /// One test case per fixture, named after its file, on a database of its own.
    @Test(arguments: files)
    func changeShowsExactlyItsPropertyInTheModel(_ file: String) throws {
        let fixture = try ChangeFixture(contentsOf: Self.folder.appendingPathComponent(file))
        if let reason = try ServerFeatures.missing(for: fixture.setup + fixture.change) {
            try Test.cancel(Comment(rawValue: "skipped: " + reason))
        }
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(fixture.setup)
        let before = try Inspector().inspect(connection)
        try connection.execute(fixture.change)
        let after = try Inspector().inspect(connection)
        let (mismatches, _) = try definitionMismatches(after, connection)
        #expect(mismatches == [])
        #expect(after.unmodelled == [], "every object of a change fixture is modelled")
        #expect(try ModelPaths.changed(before, after) == fixture.expected)
        // The diff reports the change; between equals it reports nothing; going back is the mirror image.
        let diff = SchemaDiff(from: before, to: after)
        #expect(!diff.isEmpty)
        #expect(SchemaDiff(from: after, to: after).isEmpty)
        let back = SchemaDiff(from: after, to: before)
        #expect(back.changes.count == diff.changes.count)
        #expect(back.changes.filter { $0.change == .added }.count == diff.changes.filter { $0.change == .removed }.count)
        // The oracle: pg_dump -s of it, restored into a new database, reads as the same schema
        // (unless pg_dump itself leaves the change out, as it does an invalid index).
        if fixture.dumpLeavesOut == nil {
            let diff = SchemaDiff(from: after, to: try SchemaDump.restoredModel(of: database, original: after))
            #expect(diff.isEmpty, "pg_dump -s restored: \(DiffRenderer.text(diff))")
        }
        if let dependency = fixture.expectedDependency {
            #expect(after.dependencies.map { "\($0.dependent) -> \($0.referenced)" }.contains(dependency))
        }
    }
}

let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
