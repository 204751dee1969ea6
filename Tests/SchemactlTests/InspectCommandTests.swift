import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

final class InspectCommandTests: XCTestCase {
    func testInspectPrintsTheModelAsSortedJSON() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TABLE contacts (id int PRIMARY KEY, email text NOT NULL)")
        let run = try CommandRun.schemactl(["inspect", database.connectionString.raw])
        XCTAssertEqual(run.status, 0, run.stderr)
        let model = try ModelJSON.decode(DatabaseModel.self, from: Data(run.stdout.utf8))
        XCTAssertEqual(model, try Inspector().inspect(database.connect()))
        XCTAssertEqual(run.stdout, String(decoding: ModelJSON.encode(model), as: UTF8.self))
    }

    func testTheTextOutlineShowsTablesColumnsAndKeys() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TABLE contacts (id int PRIMARY KEY, email text NOT NULL); CREATE INDEX contacts_email ON contacts (lower(email));")
        let run = try CommandRun.schemactl(["inspect", database.connectionString.raw, "--format", "text"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("table \"public\".\"contacts\"\n  \"id\" integer NOT NULL\n  \"email\" text NOT NULL\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("constraint \"contacts_pkey\" PRIMARY KEY (id)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("index \"contacts_email\" CREATE INDEX contacts_email ON public.contacts USING btree (lower(email))"), run.stdout)
    }

    func testFormatSQLIsRefusedForNow() throws {
        let run = try CommandRun.schemactl(["inspect", "postgres://x/y", "--format", "sql"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--format sql is not available yet"), run.stderr)
    }

    func testASnapshotReadsBackAsTheIdenticalModel() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TYPE stage AS ENUM ('a', 'b'); CREATE TABLE deals (id int PRIMARY KEY, stage stage)")
        let folder = NSTemporaryDirectory() + "schemactl-snapshots-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let url = database.connectionString.replacingDatabase(with: database.name)
        let run = try CommandRun.schemactl(["snapshot", url.raw, "--name", "staging", "--snapshots", folder])
        XCTAssertEqual(run.status, 0, run.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/staging.json"))
        let snapshot = try Snapshot.decode(data, file: "staging.json")
        XCTAssertEqual(snapshot.model, try Inspector().inspect(database.connect()))
        XCTAssertEqual(snapshot.header.formatVersion, DatabaseModel.formatVersion)
        XCTAssertEqual(snapshot.header.serverVersion, try database.connect().serverVersionNumber)

        // Inspecting the snapshot prints the same model as inspecting the database.
        let fromSnapshot = try CommandRun.schemactl(["inspect", folder + "/staging.json"])
        let fromDatabase = try CommandRun.schemactl(["inspect", url.raw])
        XCTAssertEqual(fromSnapshot.stdout, fromDatabase.stdout)
    }

    func testASnapshotNeverContainsThePassword() throws {
        let database = try TestDatabase.make()
        let admin = try database.connect()
        let role = "snap_" + database.name.suffix(8)
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'pa55-word'")
        defer { _ = try? admin.execute("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let server = try EmbeddedPostgres.shared()
        let url = "postgresql://\(role):pa55-word@/\(database.name)?host=\(server.socketDirectory)"
        let folder = NSTemporaryDirectory() + "schemactl-snapshots-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CommandRun.schemactl(["snapshot", url, "--name", "prod", "--snapshots", folder])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOfFile: folder + "/prod.json", encoding: .utf8)
        XCTAssertFalse(text.contains("pa55-word"))
        XCTAssertTrue(text.contains("\(role):***@"), String(text.prefix(400)))
    }

    func testASnapshotOfAnUnknownFormatIsRefused() throws {
        let folder = NSTemporaryDirectory() + "schemactl-snapshots-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/future.json"
        try Data(#"{"header": {"formatVersion": 99}, "model": {}}"#.utf8).write(to: URL(fileURLWithPath: path))
        let run = try CommandRun.schemactl(["inspect", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(path): snapshot format version 99 is not the one this schemactl reads"), run.stderr)
    }
}

final class OutputFileTests: XCTestCase {
    func testWritingToADeviceLeavesTheDeviceInPlace() throws {
        let database = try TestDatabase.make()
        let run = try CommandRun.schemactl(["inspect", database.connectionString.raw, "--output", "/dev/null"])
        XCTAssertEqual(run.status, 0, run.stderr)
        var status = stat()
        XCTAssertEqual(stat("/dev/null", &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "/dev/null is no longer a character device")
    }
}

final class InspectMigrationsTests: XCTestCase {
    func testInspectingTheMigrationsDirectoryNeedsNoServer() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let run = try CommandRun.schemactl(["inspect", "migrations", "--format", "text", "--no-cache"], in: projectRoot)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("table \"public\".\"deals\""), run.stdout)
        // pending/ is left out unless asked for.
        XCTAssertFalse(run.stdout.contains("activity_reminders"), run.stdout)
        let withPending = try CommandRun.schemactl(["inspect", "migrations", "--format", "text", "--no-cache", "--include-pending"], in: projectRoot)
        XCTAssertTrue(withPending.stdout.contains("table \"public\".\"activity_reminders\""), withPending.stdout)
    }

    func testAFailedReplayExitsTwoWithTheFileAndLine() throws {
        let run = try CommandRun.schemactl(["inspect", "Tests/ReplayTests/Fixtures/failing_in_the_middle/migrations", "--no-cache"], in: projectRoot)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("schemactl: Tests/ReplayTests/Fixtures/failing_in_the_middle/migrations/applied/20230201_add_contacts_index.sql:7:1: error 42P01"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }
}
