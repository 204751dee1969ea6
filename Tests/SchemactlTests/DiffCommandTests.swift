import Foundation
import PostgresClient
import TestSupport
import XCTest

final class DiffCommandTests: XCTestCase {
    func testEqualDatabasesExitZeroWithNothingPrinted() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        for database in [a, b] { try database.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text)") }
        let run = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testADifferenceExitsOneAndIsShownInEachFormat() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        try a.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text)")
        try b.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text NOT NULL); CREATE INDEX t_email ON t (email)")
        let text = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("~ column \"public\".\"t\".\"email\"\n    not null: (none) → true\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("+ index \"t_email\" on \"public\".\"t\"\n"), text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")

        let json = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["changes"] as? [Any])?.count, 2)

        let markdown = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| ~ | column `\"public\".\"t\".\"email\"` | not null |  | `true` |"), markdown.stdout)
    }

    func testADatabaseAgainstTheMigrationsItShouldMatch() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let fixture = projectRoot + "/Tests/ReplayTests/Fixtures/history/migrations"
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_versions (
              id SERIAL PRIMARY KEY, version TEXT NOT NULL UNIQUE, applied_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
              description TEXT, is_active BOOLEAN DEFAULT TRUE, rolled_back_at TIMESTAMP WITH TIME ZONE);
            CREATE TABLE contacts (id int PRIMARY KEY, email text);
            CREATE INDEX idx_contacts_email ON contacts (email);
            """)
        let same = try CommandRun.schemactl(["diff", fixture, database.connectionString.raw, "--no-cache"])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        try connection.execute("CREATE INDEX by_hand ON contacts (id, email)")
        let drifted = try CommandRun.schemactl(["diff", fixture, database.connectionString.raw, "--no-cache"])
        XCTAssertEqual(drifted.status, 1)
        XCTAssertTrue(drifted.stdout.contains("+ index \"by_hand\" on \"public\".\"contacts\""), drifted.stdout)
    }
}
