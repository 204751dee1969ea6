import Foundation
import Migrations
import PostgresClient
import TestSupport
import XCTest

final class StatusCommandTests: XCTestCase {
    func testStatusListsTheCRMMigrationsAndExitsZero() throws {
        let run = try CommandRun.schemactl(["status", "--migrations", projectRoot + "/migrations"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("21 migrations"), run.stdout)
        XCTAssertTrue(run.stdout.contains("archive  20230105_enable_extensions"), run.stdout)
        XCTAssertTrue(run.stdout.contains("pending  20240301_add_activity_reminders"), run.stdout)
        XCTAssertFalse(run.stdout.contains("missing"))
    }

    func testAMigrationWithoutItsRollbackIsNamedAndExitsTwo() throws {
        let directory = projectRoot + "/Tests/UnitTests/Fixtures/directories/missing_rollback"
        let run = try CommandRun.schemactl(["status", "--migrations", directory])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(directory)/pending/20230101_add_x.sql: migration without its rollback"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testAMissingDirectoryExitsTwo() throws {
        let run = try CommandRun.schemactl(["status", "--migrations", "/nonexistent"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("/nonexistent: no such migrations directory"), run.stderr)
    }

    func testAnUnknownOptionExitsTwo() throws {
        let run = try CommandRun.schemactl(["status", "--no-such-option"])
        XCTAssertEqual(run.status, 2)
    }

    func testWithADatabaseDisagreementsExitOne() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        try connection.execute("INSERT INTO schema_versions (version) VALUES ('20230105_enable_extensions'), ('20990101_from_the_future')")
        let run = try CommandRun.schemactl(["status", "--migrations", projectRoot + "/migrations",
                                            "--database", database.connectionString.raw])
        XCTAssertEqual(run.status, 1, run.stderr)
        let line = run.stdout.split(separator: "\n").first { $0.contains(" 20230105_enable_extensions ") }
        XCTAssertEqual(line?.split(separator: " ").map(String.init), ["archive", "20230105_enable_extensions", "yes", "active"])
        XCTAssertTrue(run.stdout.contains("20230106_add_updated_at_function: in archive/ but not in the database"), run.stdout)
        XCTAssertTrue(run.stdout.contains("20990101_from_the_future: active in the database, but the directory has no such migration"), run.stdout)
    }

    func testAnUnreachableDatabaseExitsTwoWithoutThePassword() throws {
        let run = try CommandRun.schemactl(["status", "--migrations", projectRoot + "/migrations",
                                            "--database", "postgres://crm:hunter2@/crm?host=/tmp/schemactl-nowhere&port=5999"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("could not connect"), run.stderr)
        XCTAssertTrue(run.stderr.contains("/tmp/schemactl-nowhere/.s.PGSQL.5999"), run.stderr)
        XCTAssertFalse(run.stderr.contains("hunter2"))
    }
}

final class NewCommandTests: XCTestCase {
    func testNewWritesThePairFromTheGuidesTemplates() throws {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/migrations/pending", withIntermediateDirectories: true)
        let run = try CommandRun.schemactl(["new", "Add email templates", "--date", "20240315"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let migration = try String(contentsOfFile: root + "/migrations/pending/20240315_add_email_templates.sql", encoding: .utf8)
        let rollback = try String(contentsOfFile: root + "/migrations/pending/20240315_rollback_add_email_templates.sql", encoding: .utf8)
        XCTAssertTrue(migration.contains("BEGIN;"))
        XCTAssertTrue(migration.contains("VALUES ('20240315_add_email_templates', 'Add email templates');"))
        XCTAssertTrue(migration.hasSuffix("COMMIT;\n"))
        XCTAssertTrue(rollback.contains("SET is_active = FALSE, rolled_back_at = NOW()\nWHERE version = '20240315_add_email_templates';"))
        // The directory is still valid, and the generated pair runs as-is.
        XCTAssertEqual(try MigrationDirectory.load(root + "/migrations").problems, [])
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        try connection.execute(migration)
        try connection.execute(rollback)
        XCTAssertEqual(try SchemaVersions.read(connection)?.map(\.isActive), [false])

        let again = try CommandRun.schemactl(["new", "Add email templates", "--date", "20240315"], in: root)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testTodayIsTheDefaultDate() throws {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/migrations", withIntermediateDirectories: true)
        let run = try CommandRun.schemactl(["new", "Add deal tags"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd"
        let today = formatter.string(from: Date())
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/migrations/pending/\(today)_add_deal_tags.sql"))
    }

    /// A folder removed when the test ends.
    private func temporaryFolder() -> String {
        let root = NSTemporaryDirectory() + "schemactl-new-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        return root
    }

    func testAnImpossibleDateExitsTwo() throws {
        let run = try CommandRun.schemactl(["new", "x", "--date", "20230230"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("not a real date"), run.stderr)
    }
}

let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
