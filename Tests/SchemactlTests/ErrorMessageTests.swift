import EmbeddedServer
import Foundation
import PostgresClient
import Replay
import SchemaModel
import TestSupport
import XCTest

/// Wrong input gets a message a person can act on, and exit 2.
final class ErrorMessageTests: XCTestCase {
    func testAPathThatDoesNotExistSaysSo() throws {
        for path in ["/nonexistent", "./nope", "nope/migrations"] {
            let run = try CommandRun.schemactl(["inspect", path])
            XCTAssertEqual(run.status, 2)
            XCTAssertEqual(run.stderr, "schemactl: \(path): no such file or directory\n")
        }
    }

    func testTheProjectRootIsNotAMigrationsDirectoryAndTheRightOneIsSuggested() throws {
        let project = try temporaryFolder()
        try makeFolders(project + "/migrations")
        let run = try CommandRun.schemactl(["status", "--migrations", project])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(project): not a migrations directory (it has none of archive/, applied/ and pending/); "
                                          + "did you mean \(project)/migrations?"), run.stderr)
        XCTAssertFalse(run.stderr.contains("stray file"), run.stderr)
    }

    func testAFolderWithNoneOfTheThreeFoldersIsAnErrorButAnEmptyHistoryIsValid() throws {
        let empty = try temporaryFolder()
        let run = try CommandRun.schemactl(["status", "--migrations", empty])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("not a migrations directory"), run.stderr)
        try makeFolders(empty)
        let valid = try CommandRun.schemactl(["status", "--migrations", empty])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertTrue(valid.stdout.contains("0 migrations"), valid.stdout)
    }

    func testASymbolicLinkInTheDirectoryIsNamed() throws {
        let root = try temporaryFolder()
        try makeFolders(root)
        let outside = root + "/../outside-\(UUID().uuidString).sql"
        try "BEGIN; COMMIT;".write(toFile: outside, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: root + "/pending/20230101_linked.sql", withDestinationPath: outside)
        let run = try CommandRun.schemactl(["status", "--migrations", root])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(root)/pending/20230101_linked.sql: a symbolic link"), run.stderr)
    }

    func testAWriteThatFailsSaysWhyInTheSystemsWords() throws {
        let source = try temporaryFolder() + "/schema.sql"
        try "CREATE TABLE t (id int);".write(toFile: source, atomically: true, encoding: .utf8)
        let run = try CommandRun.schemactl(["inspect", source, "--output", "/nonexistent/model.json"], environment: scratch())
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "schemactl: /nonexistent/model.json: cannot write: No such file or directory\n")
        let snapshot = try CommandRun.schemactl(["snapshot", source, "--name", "x", "--snapshots", "/proc/no/such"], environment: scratch())
        XCTAssertEqual(snapshot.status, 2)
        XCTAssertFalse(snapshot.stderr.contains("NSCocoaErrorDomain"), snapshot.stderr)
        XCTAssertTrue(snapshot.stderr.contains("/proc/no/such: cannot write: "), snapshot.stderr)
    }

    func testASchemaFilterNamingNoSchemaIsAnError() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TABLE t (id int)")
        let run = try CommandRun.schemactl(["inspect", database.connectionString.raw, "--schema", "nosuch"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("has no schema nosuch"), run.stderr)
        XCTAssertEqual(try CommandRun.schemactl(["inspect", database.connectionString.raw, "--schema", "public"]).status, 0)
    }

    // MARK: the smaller ones

    func testMarkdownEscapesAPipeInAnObjectName() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        try b.connect().execute(#"CREATE TABLE "a|b" (id int)"#)
        let run = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "markdown"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains(#"| + | table `"public"."a\|b"` | | | |"#), run.stdout)
    }

    func testColumnOrderIgnoresTheGapsOfDroppedColumns() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        try a.connect().execute("CREATE TABLE t (id int, gone int, name text); ALTER TABLE t DROP COLUMN gone")
        try b.connect().execute("CREATE TABLE t (id int, name text)")
        let run = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--column-order"])
        XCTAssertEqual(run.status, 0, run.stdout)
        // A real reordering is still one.
        let c = try TestDatabase.make()
        try c.connect().execute("CREATE TABLE t (name text, id int)")
        XCTAssertEqual(try CommandRun.schemactl(["diff", b.connectionString.raw, c.connectionString.raw, "--column-order"]).status, 1)
    }

    func testASnapshotRecordsItsSchemaFilterAndALaterDiffHonoursIt() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.other (id int)")
        let folder = try temporaryFolder()
        let url = database.connectionString.raw
        let taken = try CommandRun.schemactl(["snapshot", url, "--name", "app", "--snapshots", folder, "--schema", "app"])
        XCTAssertEqual(taken.status, 0, taken.stderr)
        let snapshot = try Snapshot.decode(Data(contentsOf: URL(fileURLWithPath: folder + "/app.json")), file: "app.json")
        XCTAssertEqual(snapshot.header.schemas, ["app"])
        let run = try CommandRun.schemactl(["diff", folder + "/app.json", url])
        XCTAssertEqual(run.status, 0, run.stdout)
    }

    // MARK: helpers

    private func temporaryFolder() throws -> String {
        let path = URL(fileURLWithPath: NSTemporaryDirectory() + "schemactl-errors-" + UUID().uuidString).standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func makeFolders(_ root: String) throws {
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    private func scratch() throws -> [String: String] {
        ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
    }
}
