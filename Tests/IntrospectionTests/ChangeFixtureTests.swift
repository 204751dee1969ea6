import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// Each file under Fixtures/changes sets up a schema, changes one property, and
/// names the model paths that must change: exactly those, nothing else.
///
///     -- expect: tables[public.t].columns[a].type
///     -- setup
///     CREATE TABLE t (a int);
///     -- change
///     ALTER TABLE t ALTER COLUMN a TYPE bigint;
final class ChangeFixtureTests: XCTestCase {
    func testEachChangeShowsExactlyItsPropertyInTheModel() throws {
        let folder = fixturesFolder.appendingPathComponent("changes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertGreaterThan(files.count, 50)
        for file in files {
            let fixture = try ChangeFixture(contentsOf: folder.appendingPathComponent(file))
            let database = try TestDatabase.make()
            let connection = try database.connect()
            do {
                try connection.execute(fixture.setup)
                let before = try Inspector().inspect(connection)
                try connection.execute(fixture.change)
                let after = try Inspector().inspect(connection)
                try assertDefinitionsAreTheServers(after, connection, file)
                let changed = try ModelPaths.changed(before, after)
                XCTAssertEqual(changed, fixture.expected, "\(file): unexpected change set")
                if let dependency = fixture.expectedDependency {
                    XCTAssertTrue(after.dependencies.map { "\($0.dependent) -> \($0.referenced)" }.contains(dependency),
                                  "\(file): no dependency \(dependency) in \(after.dependencies)")
                }
            } catch {
                XCTFail("\(file): \(error)")
            }
            database.drop()
        }
    }
}

struct ChangeFixture {
    var expected: Set<String> = []
    var expectedDependency: String?
    var setup = ""
    var change = ""

    init(contentsOf url: URL) throws {
        var section = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- expect: ") {
                expected.insert(String(line.dropFirst("-- expect: ".count)))
            } else if line.hasPrefix("-- depends: ") {
                expectedDependency = String(line.dropFirst("-- depends: ".count))
            } else if line == "-- setup" || line == "-- change" {
                section = String(line.dropFirst(3))
            } else if section == "setup" {
                setup += line + "\n"
            } else if section == "change" {
                change += line + "\n"
            }
        }
    }
}

let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
