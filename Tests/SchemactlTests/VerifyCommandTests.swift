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
}
