import Diff
import Drift
import EmbeddedServer
import Foundation
import Migrations
import PostgresClient
import Replay
import TestSupport
import XCTest

final class DriftTests: XCTestCase {
    private let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/migrations").path

    func testAnEnvironmentBehindByAPendingMigrationHasNotDrifted() throws {
        let environment = try environmentWithHistory()
        let report = try check(environment)
        XCTAssertFalse(report.hasDrifted, DriftRenderer.text([report]))
        XCTAssertTrue(report.diff.isEmpty)
        XCTAssertEqual(report.notApplied, [])
    }

    func testAnIndexMadeByHandIsDrift() throws {
        try assertDrift("CREATE INDEX by_hand ON contacts (status)", contains: "+ index \"by_hand\" on \"public\".\"contacts\"")
    }

    func testADroppedColumnIsDrift() throws {
        try assertDrift("ALTER TABLE contacts DROP COLUMN updated_at", contains: "- column \"public\".\"contacts\".\"updated_at\"")
    }

    func testAChangedDefaultIsDrift() throws {
        try assertDrift("ALTER TABLE contacts ALTER COLUMN status SET DEFAULT 'lead'",
                        contains: "default: 'new'::text → 'lead'::text")
    }

    func testAChangedFunctionBodyIsDrift() throws {
        try assertDrift("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$",
                        contains: "~ function \"public\".\"touch\"()")
    }

    func testADisabledTriggerIsDrift() throws {
        try assertDrift("ALTER TABLE contacts DISABLE TRIGGER contacts_touch", contains: "enabled: (none) → DISABLED")
    }

    func testAVersionUnknownToTheDirectoryIsReported() throws {
        let environment = try environmentWithHistory()
        try environment.connect().execute("INSERT INTO schema_versions (version) VALUES ('20230215_hotfix_in_production')")
        let report = try check(environment)
        XCTAssertTrue(report.hasDrifted)
        XCTAssertEqual(report.unknownVersions, ["20230215_hotfix_in_production"])
        XCTAssertTrue(DriftRenderer.text([report]).contains("versions active here that the directory does not have: 20230215_hotfix_in_production"))
    }

    func testAMigrationNeverRunAndARolledBackOneAreReported() throws {
        let environment = try environmentWithHistory()
        let connection = try environment.connect()
        try connection.execute(String(contentsOfFile: migrations + "/applied/20230201_rollback_add_contacts_email_index.sql", encoding: .utf8))
        let report = try check(environment)
        XCTAssertEqual(report.rolledBack, ["20230201_add_contacts_email_index"])
        XCTAssertEqual(report.notApplied, ["20230201_add_contacts_email_index"])
        // Rolled back properly: the schema matches the history without it.
        XCTAssertTrue(report.diff.isEmpty, DriftRenderer.text([report]))
    }

    func testTwoEnvironmentsAtOnceThroughTheCommandLine() throws {
        let production = try environmentWithHistory()
        let staging = try environmentWithHistory()
        try staging.connect().execute("CREATE INDEX by_hand ON contacts (status)")
        let folder = NSTemporaryDirectory() + "schemactl-drift-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try """
            # where our databases live
            [environments.production]
            url_env = "TEST_PRODUCTION_URL"

            [environments.staging]
            url = "\(staging.connectionString.raw.replacingOccurrences(of: "'", with: ""))"
            """.write(toFile: folder + "/schemactl.toml", atomically: true, encoding: .utf8)
        let run = try CommandRun.schemactl(
            ["drift", "production", "staging", "--migrations", migrations, "--matrix", "--no-cache"], in: folder,
            environment: ["TEST_PRODUCTION_URL": production.connectionString.raw, "NO_COLOR": "1",
                          // Replays on this process's server, not a persistent one beside the fixtures.
                          "SCHEMACTL_SCRATCH_URL": EmbeddedPostgres.shared().connectionString().raw])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("production: no drift"), run.stdout)
        XCTAssertTrue(run.stdout.contains("staging: DRIFTED"), run.stdout)
        XCTAssertTrue(run.stdout.contains("+ index \"by_hand\" on \"public\".\"contacts\""), run.stdout)
        XCTAssertTrue(run.stdout.contains("production → staging:"), run.stdout)
    }

    func testJSONCarriesTheDifferencesAndTheMatrixAndExitsAsTextDoes() throws {
        let production = try environmentWithHistory()
        let staging = try environmentWithHistory()
        try staging.connect().execute("CREATE INDEX by_hand ON contacts (status)")
        for format in ["text", "json"] {
            let run = try drift([production.connectionString.raw, staging.connectionString.raw, "--matrix", "--format", format])
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            guard format == "json" else { continue }
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let environments = try XCTUnwrap(report["environments"] as? [[String: Any]])
            XCTAssertEqual(environments.map { $0["status"] as? String }, ["no drift", "drifted"])
            let changes = try XCTUnwrap((environments[1]["diff"] as? [String: Any])?["changes"] as? [[String: Any]])
            XCTAssertEqual(changes.first?["object"] as? String, "\"by_hand\" on \"public\".\"contacts\"")
            let matrix = try XCTUnwrap(report["matrix"] as? [[String: Any]])
            XCTAssertEqual(matrix.count, 1)
            XCTAssertEqual(((matrix[0]["diff"] as? [String: Any])?["equal"]) as? Bool, false)
        }
        // Environments that agree with their history and each other: exit 0 in both formats.
        for format in ["text", "json"] {
            let run = try drift([production.connectionString.raw, "--matrix", "--format", format])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stdout) \(run.stderr)")
        }
    }

    func testAnUnreachableEnvironmentIsNamedAndTheOthersStillReported() throws {
        let staging = try environmentWithHistory()
        try staging.connect().execute("CREATE INDEX by_hand ON contacts (status)")
        let unreachable = "postgres://nobody@127.0.0.1:1/nowhere"
        for format in ["text", "json"] {
            let run = try drift([unreachable, staging.connectionString.raw, "--format", format])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stdout.contains("127.0.0.1"), run.stdout)
            XCTAssertTrue(run.stdout.contains(format == "text" ? "DRIFTED" : "\"drifted\""), run.stdout)
            XCTAssertTrue(run.stderr.contains("1 of 2 environments could not be checked"), run.stderr)
        }
        let text = try drift([unreachable, staging.connectionString.raw])
        XCTAssertTrue(text.stdout.contains("postgres://nobody@127.0.0.1:1/nowhere: ERROR, not checked"), text.stdout)
        XCTAssertTrue(text.stdout.contains("+ index \"by_hand\""), text.stdout)
    }

    func testAnExplicitEnvironmentsFileThatDoesNotExistIsAnError() throws {
        let production = try environmentWithHistory()
        let run = try drift(["--environments", "/nonexistent/schemactl.toml"], environment: ["DATABASE_URL": production.connectionString.raw])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--environments /nonexistent/schemactl.toml: no such file"), run.stderr)
    }

    func testASchemaVersionsHiddenByPrivilegesIsAPermissionErrorNotANeverMigratedDatabase() throws {
        let environment = try environmentWithHistory()
        let admin = try environment.connect()
        let role = "drift_" + environment.name.suffix(8)
        try admin.execute("""
            CREATE SCHEMA meta; ALTER TABLE schema_versions SET SCHEMA meta;
            CREATE ROLE \(role) LOGIN PASSWORD 'pw-for-test'; ALTER DATABASE \(environment.name) SET search_path = meta, public
            """)
        addTeardownBlock { _ = try? admin.execute("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let url = "host=\(environment.connectionString.raw.split(separator: " ").first { $0.hasPrefix("host=") }!.dropFirst(5)) "
            + "port=5432 dbname=\(environment.name) user=\(role) password=pw-for-test"
        let run = try drift([url])
        XCTAssertEqual(run.status, 2, run.stdout)
        XCTAssertTrue(run.stdout.contains("schema_versions exists in schema meta, but role \(role) has no USAGE privilege"), run.stdout)
        XCTAssertFalse(run.stdout.contains("never migrated"), run.stdout)
    }

    func testTheChecksumColumnTheToolAddsIsNotDrift() throws {
        let environment = try environmentWithHistory()
        try environment.connect().execute("ALTER TABLE schema_versions ADD COLUMN checksum text")
        let report = try check(environment)
        XCTAssertTrue(report.diff.isEmpty, DriftRenderer.text([report]))
        XCTAssertFalse(report.hasDrifted)
    }

    /// A scheduled check keeps the environment's model between runs: the next change is still seen.
    func testAnEnvironmentKeptInTheModelCacheStillShowsTheNextChange() throws {
        let environment = try environmentWithHistory()
        let folder = NSTemporaryDirectory() + "schemactl-drift-models-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let memory = DatabaseModelCache(folder: folder)
        let compare = { try DriftCheck(directory: self.migrations, replay: MigrationReplay.onTestServer()).compare(
            DriftCheck.observe(name: "production", connectionString: environment.connectionString, memory: memory)) }
        XCTAssertFalse(try compare().hasDrifted)
        XCTAssertFalse(try compare().hasDrifted)
        try environment.connect().execute("CREATE INDEX by_hand ON contacts (status)")
        let report = try compare()
        XCTAssertTrue(report.hasDrifted)
        XCTAssertTrue(DriftRenderer.text([report]).contains("+ index \"by_hand\" on \"public\".\"contacts\""), DriftRenderer.text([report]))
    }

    // MARK: helpers

    private func drift(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRun {
        try CommandRun.schemactl(["drift", "--migrations", migrations, "--no-cache"] + arguments, in: NSTemporaryDirectory(),
                                 environment: ["NO_COLOR": "1", "SCHEMACTL_SCRATCH_URL": EmbeddedPostgres.shared().connectionString().raw]
                                    .merging(environment) { $1 })
    }

    /// A database with archive/ and applied/ applied, as production would be.
    private func environmentWithHistory() throws -> ScratchDatabase {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let directory = try MigrationDirectory.load(migrations)
        try MigrationRunner().apply(MigrationReplay.files(of: directory, selection: MigrationSelection()), to: connection)
        return database
    }

    private func check(_ environment: ScratchDatabase) throws -> DriftReport {
        let observation = try DriftCheck.observe(name: "production", connectionString: environment.connectionString)
        return try DriftCheck(directory: migrations, replay: MigrationReplay.onTestServer()).compare(observation)
    }

    private func assertDrift(_ change: String, contains expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let environment = try environmentWithHistory()
        try environment.connect().execute(change)
        let report = try check(environment)
        XCTAssertTrue(report.hasDrifted, file: file, line: line)
        let text = DriftRenderer.text([report])
        XCTAssertTrue(text.contains(expected), text, file: file, line: line)
        XCTAssertEqual(report.diff.changes.count, 1, text, file: file, line: line)
    }
}

final class ChecksumDriftTests: XCTestCase {
    func testAFileChangedSinceItWasAppliedIsReportedWhereAChecksumWasRecorded() throws {
        let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/migrations").path
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let directory = try MigrationDirectory.load(migrations)
        try MigrationRunner().apply(MigrationReplay.files(of: directory, selection: MigrationSelection()), to: connection)
        let file = migrations + "/archive/20230101_create_contacts.sql"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try connection.execute("ALTER TABLE schema_versions ADD COLUMN checksum text")
        try connection.query("UPDATE schema_versions SET checksum = $1 WHERE version = '20230101_create_contacts'", [ContentHash.hex(text)])
        try connection.query("UPDATE schema_versions SET checksum = $1 WHERE version = '20230201_add_contacts_email_index'",
                             [ContentHash.hex("something else")])
        let observation = try DriftCheck.observe(name: "production", connectionString: database.connectionString)
        let report = try DriftCheck(directory: migrations, replay: MigrationReplay.onTestServer()).compare(observation)
        XCTAssertEqual(report.changedFiles, [migrations + "/applied/20230201_add_contacts_email_index.sql"])
        XCTAssertTrue(report.hasDrifted)
    }
}
