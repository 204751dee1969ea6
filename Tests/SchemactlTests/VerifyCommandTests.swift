import EmbeddedServer
import Foundation
import TestSupport
import XCTest

/// `verify`: the CRM history passes; a rollback that forgets an index, and a
/// consolidated schema edited by hand, are each caught and named.
final class VerifyCommandTests: XCTestCase {
    private func scratch() throws -> [String: String] {
        ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
    }

    func testTheCRMHistoryPassesAndAForgottenIndexAndAnEditedConsolidatedSchemaAreCaught() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations("verify")
        let clean = try CommandRun.schemactl(["verify", "--migrations", migrations], environment: try scratch())
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("21 migrations and their rollbacks checked, and consolidated_schema.sql: no finding"), clean.stdout)

        // A rollback that forgets to drop the index its migration made.
        let rollback = migrations + "/applied/20230720_rollback_add_contact_search_indexes.sql"
        let text = try String(contentsOfFile: rollback, encoding: .utf8)
        let forgetful = text.replacingOccurrences(of: "DROP INDEX IF EXISTS idx_contacts_tags;\n", with: "")
        XCTAssertNotEqual(forgetful, text, "the fixture drops an index in its rollback")
        try forgetful.write(toFile: rollback, atomically: true, encoding: .utf8)
        // And a consolidated schema edited by hand.
        let consolidated = migrations + "/consolidated_schema.sql"
        try (try String(contentsOfFile: consolidated, encoding: .utf8) + "\nCREATE TABLE IF NOT EXISTS \"public\".\"by_hand\" (id integer);\n")
            .write(toFile: consolidated, atomically: true, encoding: .utf8)
        let caught = try CommandRun.schemactl(["verify", "--migrations", migrations, "--format", "json"], environment: try scratch())
        XCTAssertEqual(caught.status, 1, caught.stderr)
        XCTAssertTrue(caught.stdout.contains("20230720_rollback_add_contact_search_indexes.sql"), caught.stdout)
        XCTAssertTrue(caught.stdout.contains("does not restore the schema from before 20230720_add_contact_search_indexes"), caught.stdout)
        XCTAssertTrue(caught.stdout.contains("idx_contacts_tags"), caught.stdout)
        XCTAssertTrue(caught.stdout.contains("does not apply again after its rollback"), caught.stdout)
        XCTAssertTrue(caught.stdout.contains("consolidated_schema.sql"), caught.stdout)
        XCTAssertTrue(caught.stdout.contains("by_hand"), caught.stdout)
    }

    /// `--changed`: what a pull request changed, against the branch it left, from the
    /// replay of everything before it (a prefix kept on the persistent server between runs).
    func testChangedChecksOnlyTheMigrationsTheBranchChanged() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations("verify-changed")
        let project = URL(fileURLWithPath: migrations).deletingLastPathComponent().path
        func git(_ arguments: String...) throws {
            let run = try CommandRun.program("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments,
                                             in: project)
            XCTAssertEqual(run.status, 0, "git \(arguments): \(run.stdout)\(run.stderr)")
        }
        try git("init", "-q", "-b", "main")
        try git("add", ".")
        try git("commit", "-q", "-m", "history")
        try git("checkout", "-q", "-b", "feature")

        let unchanged = try CommandRun.schemactl(["verify", "--changed"], in: project, removing: ["SCHEMACTL_SCRATCH_URL"])
        XCTAssertEqual(unchanged.status, 0, unchanged.stderr)
        XCTAssertTrue(unchanged.stdout.contains("0 migrations and their rollbacks checked: no finding"), unchanged.stdout)

        // The branch makes the last rollback forget its table (uncommitted: --changed sees the working tree too).
        let rollback = migrations + "/pending/20240301_rollback_add_activity_reminders.sql"
        let text = try String(contentsOfFile: rollback, encoding: .utf8)
        try text.replacingOccurrences(of: "DROP TABLE IF EXISTS activity_reminders;\n", with: "").write(toFile: rollback, atomically: true, encoding: .utf8)
        for _ in 0..<2 {  // the second run starts from the prefix the first one kept
            let caught = try CommandRun.schemactl(["verify", "--changed"], in: project, removing: ["SCHEMACTL_SCRATCH_URL"])
            XCTAssertEqual(caught.status, 1, caught.stderr)
            XCTAssertTrue(caught.stdout.contains("1 migration and its rollback checked: 2 findings"), caught.stdout)
            XCTAssertTrue(caught.stdout.contains("20240301_rollback_add_activity_reminders.sql: does not restore the schema"), caught.stdout)
            XCTAssertTrue(caught.stdout.contains("activity_reminders"), caught.stdout)
        }

        // Files named instead: only those; an archived migration brings the consolidated file in.
        let named = try CommandRun.schemactl(["verify", "migrations/pending/20240110_add_company_health_score.sql",
                                              "migrations/archive/20230110_create_users.sql"], in: project, removing: ["SCHEMACTL_SCRATCH_URL"])
        XCTAssertEqual(named.status, 0, named.stdout + named.stderr)
        XCTAssertTrue(named.stdout.contains("2 migrations and their rollbacks checked, and consolidated_schema.sql: no finding"), named.stdout)

        let stray = try CommandRun.schemactl(["verify", "README.md"], in: projectRoot)
        XCTAssertEqual(stray.status, 2)
        XCTAssertTrue(stray.stderr.contains("README.md: not a migration, rollback or folder of migrations"), stray.stderr)
    }
}
