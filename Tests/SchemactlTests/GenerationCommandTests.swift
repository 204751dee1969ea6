import EmbeddedServer
import Foundation
import Migrations
import PostgresClient
import TestSupport
import XCTest

/// `consolidate`, `diff --format sql` and `generate` as a user runs them.
final class GenerationCommandTests: XCTestCase {
    private func scratch() throws -> [String: String] {
        ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
    }

    func testTheCommittedConsolidatedSchemaIsTheToolsOwnOutput() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        // The file says which major it was read from, and a major prints some definitions its own way.
        let committed = try String(contentsOfFile: projectRoot + "/migrations/consolidated_schema.sql", encoding: .utf8)
        try XCTSkipUnless(committed.contains("from PostgreSQL \(try serverMajor())."),
                          "the committed file was read from another PostgreSQL major; on this one, the test below applies it")
        let run = try CommandRun.schemactl(["consolidate", "--migrations", projectRoot + "/migrations", "--check", "--no-cache"],
                                           environment: try scratch())
        XCTAssertEqual(run.status, 0, "migrations/consolidated_schema.sql is stale: run `swift run schemactl consolidate`\n\(run.stdout)\(run.stderr)")
    }

    func testConsolidateWritesTheSameBytesTwiceAndCheckFindsAStaleFile() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations()
        let file = migrations + "/consolidated_schema.sql"
        try FileManager.default.removeItem(atPath: file)
        let missing = try CommandRun.schemactl(["consolidate", "--migrations", migrations, "--check"], environment: try scratch())
        XCTAssertEqual(missing.status, 1, missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "--check writes nothing")

        let first = try CommandRun.schemactl(["consolidate", "--migrations", migrations], environment: try scratch())
        XCTAssertEqual(first.status, 0, first.stderr)
        let bytes = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(bytes.contains("-- Contains 16 migrations: 20230105_enable_extensions to 20230805_add_deal_stage_history."), bytes)
        XCTAssertTrue(bytes.contains("from PostgreSQL \(try serverMajor())."))
        XCTAssertFalse(bytes.contains("20240110_add_company_health_score"), "pending migrations are not in it")
        let second = try CommandRun.schemactl(["consolidate", "--migrations", migrations, "--no-cache"], environment: try scratch())
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), bytes, "deterministic")
        XCTAssertFalse(second.stderr.contains("proved before"), "--no-cache proves again: \(second.stderr)")
        // The same file against the same replay was proved by the runs above: remembered, not built twice more.
        let again = try CommandRun.schemactl(["consolidate", "--migrations", migrations], environment: try scratch())
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("proved before: the same file, against the replay of the same files"), again.stderr)
        // A migration changed: another replay, another proof.
        let users = migrations + "/archive/20230110_create_users.sql"
        try (try String(contentsOfFile: users, encoding: .utf8) + "\n").write(toFile: users, atomically: true, encoding: .utf8)
        let changed = try CommandRun.schemactl(["consolidate", "--migrations", migrations], environment: try scratch())
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertFalse(changed.stderr.contains("proved before"), changed.stderr)

        try (bytes.replacingOccurrences(of: "CREATE TABLE IF NOT EXISTS \"public\".\"users\"", with: "CREATE TABLE IF NOT EXISTS \"public\".\"people\""))
            .write(toFile: file, atomically: true, encoding: .utf8)
        let stale = try CommandRun.schemactl(["consolidate", "--migrations", migrations, "--check"], environment: try scratch())
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stderr.contains("is stale"), stale.stderr)
        XCTAssertTrue(stale.stdout.contains("+CREATE TABLE IF NOT EXISTS \"public\".\"users\""), stale.stdout)
    }

    func testADatabaseBuiltFromTheConsolidatedSchemaKnowsItsMigrationsAsApplied() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        let script = try String(contentsOfFile: projectRoot + "/migrations/consolidated_schema.sql", encoding: .utf8)
        try connection.execute(script)
        try connection.execute(script) // a second run changes nothing and fails on nothing
        let run = try CommandRun.schemactl(["status", "--migrations", projectRoot + "/migrations", "--database", database.connectionString.raw])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("archive  20230105_enable_extensions"), run.stdout)
        XCTAssertFalse(run.stdout.contains("not in the database"), run.stdout)
        // And it is the schema of the history: no difference with the replay.
        let diff = try CommandRun.schemactl(["diff", projectRoot + "/migrations", database.connectionString.raw, "--no-cache"],
                                            environment: try scratch())
        XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr)
    }

    func testConsolidateRefusesASchemaWithObjectsItDoesNotModel() throws {
        let folder = try temporaryFolder("unmodelled")
        try FileManager.default.createDirectory(atPath: folder + "/migrations/applied", withIntermediateDirectories: true)
        // Storage parameters on a foreign table: the census names them, the model does not hold
        // them. PostgreSQL refuses to set them, so the row goes into the catalog directly.
        try """
            BEGIN;
            INSERT INTO schema_versions (version, description) VALUES ('20240101_remote', 'remote');
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; CREATE FOREIGN TABLE ft (a int) SERVER s;
            UPDATE pg_catalog.pg_class SET reloptions = '{fillfactor=50}' WHERE oid = 'ft'::regclass;
            COMMIT;
            """.write(toFile: folder + "/migrations/applied/20240101_remote.sql", atomically: true, encoding: .utf8)
        try "BEGIN; DROP FOREIGN TABLE ft; DROP SERVER s; DROP FOREIGN DATA WRAPPER w; COMMIT;"
            .write(toFile: folder + "/migrations/applied/20240101_rollback_remote.sql", atomically: true, encoding: .utf8)
        let refused = try CommandRun.schemactl(["consolidate", "--migrations", folder + "/migrations", "--trusted-sql"], environment: try scratch())
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("does not model"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-unmodelled"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/migrations/consolidated_schema.sql"))
    }

    func testDiffFormatSQLPrintsTheProvedPlanAndRefusesDataLossUnlessAllowed() throws {
        let folder = try temporaryFolder("plan")
        try "CREATE TABLE t (id int PRIMARY KEY, a int, gone text); CREATE VIEW v AS SELECT id, a FROM t;"
            .write(toFile: folder + "/a.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE t (id int PRIMARY KEY, a bigint); CREATE VIEW v AS SELECT id, a FROM t;"
            .write(toFile: folder + "/b.sql", atomically: true, encoding: .utf8)
        let refused = try CommandRun.schemactl(["diff", folder + "/a.sql", folder + "/b.sql", "--format", "sql"], environment: try scratch())
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("column \"public\".\"t\".\"gone\" and its values"), refused.stderr)
        XCTAssertEqual(refused.stdout, "")
        let plan = try CommandRun.schemactl(["diff", folder + "/a.sql", folder + "/b.sql", "--format", "sql", "--allow-destructive"],
                                            environment: try scratch())
        XCTAssertEqual(plan.status, 1, plan.stderr)
        // The view over the retyped column is dropped before and created after.
        let lines = plan.stdout.split(separator: "\n").map(String.init)
        let dropView = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("DROP VIEW IF EXISTS \"public\".\"v\"") }, plan.stdout)
        let retype = try XCTUnwrap(lines.firstIndex { $0.contains("ALTER COLUMN \"a\" TYPE bigint") }, plan.stdout)
        let createView = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("CREATE OR REPLACE VIEW \"public\".\"v\"") }, plan.stdout)
        XCTAssertLessThan(dropView, retype)
        XCTAssertLessThan(retype, createView)
        XCTAssertTrue(plan.stdout.contains("-- hazard: data loss: column \"public\".\"t\".\"gone\" and its values"), plan.stdout)
        // Between two live databases too (whose dependencies a plain diff does not read).
        let (a, b) = (try TestDatabase.make(), try TestDatabase.make())
        defer { a.drop(); b.drop() }
        try a.connect().execute(try String(contentsOfFile: folder + "/a.sql", encoding: .utf8))
        try b.connect().execute(try String(contentsOfFile: folder + "/b.sql", encoding: .utf8))
        let live = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "sql", "--allow-destructive"],
                                            environment: try scratch())
        XCTAssertEqual(live.status, 1, live.stderr)
        XCTAssertTrue(live.stdout.contains("DROP VIEW IF EXISTS \"public\".\"v\""), live.stdout)
        let same = try CommandRun.schemactl(["diff", folder + "/b.sql", folder + "/b.sql", "--format", "sql"], environment: try scratch())
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout, "")
    }

    func testGenerateWritesAProvedPairThatApplyAndRollBack() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations()
        // A developer's database: everything so far, and a new table and index.
        let database = try developersDatabase(migrations, then: "CREATE TABLE widgets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                                                  + "name text NOT NULL); CREATE INDEX widgets_name ON widgets (name)")
        defer { database.drop() }
        let (migration, rollback) = try generate("Add widgets", to: database, migrations: migrations)
        XCTAssertTrue(migration.hasPrefix("-- Migration: Add widgets\nBEGIN;"), migration)
        XCTAssertTrue(migration.contains("VALUES ('20240401_add_widgets', 'Add widgets');"), migration)
        XCTAssertTrue(migration.contains("CREATE TABLE \"public\".\"widgets\""), migration)
        XCTAssertTrue(rollback.contains("SET is_active = FALSE, rolled_back_at = NOW()"), rollback)
        XCTAssertTrue(rollback.contains("DROP TABLE IF EXISTS \"public\".\"widgets\""), rollback)
        // The new history now equals the developer's database, and the same description again is refused.
        let diff = try CommandRun.schemactl(["diff", migrations, database.connectionString.raw, "--include-pending", "--no-cache"],
                                            environment: try scratch())
        XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr)
        let again = try CommandRun.schemactl(["generate", "Add widgets", "--to", database.connectionString.raw, "--migrations", migrations,
                                              "--date", "20240401"], environment: try scratch())
        XCTAssertEqual(again.status, 2, again.stderr)
    }

    /// A migration that upgrades an extension: its rollback cannot `UPDATE TO` the older version
    /// (pg_trgm ships no script back), so it drops the extension and makes it again at that
    /// version, with the index that uses it; both files proved, where before the command failed.
    func testGenerateRollsAnExtensionUpgradeBackByMakingItAgain() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        if let reason = try ServerFeatures.missing(for: "CREATE EXTENSION pg_trgm;") { throw XCTSkip(reason) }
        let migrations = try copyOfMigrations()
        try "-- Migration: trigram search\nBEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('20240301_trigrams', 'trigram search');\n"
            .appending("CREATE EXTENSION pg_trgm VERSION '1.5';\nCREATE INDEX companies_name_trigrams ON companies USING gin (name gin_trgm_ops);\nCOMMIT;\n")
            .write(toFile: migrations + "/pending/20240301_trigrams.sql", atomically: true, encoding: .utf8)
        try "-- Rollback: trigram search\nBEGIN;\nDROP EXTENSION pg_trgm CASCADE;\n"
            .appending("UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20240301_trigrams';\nCOMMIT;\n")
            .write(toFile: migrations + "/pending/20240301_rollback_trigrams.sql", atomically: true, encoding: .utf8)
        let database = try developersDatabase(migrations, then: "ALTER EXTENSION pg_trgm UPDATE TO '1.6'")
        defer { database.drop() }
        let (migration, rollback) = try generate("Upgrade trigrams", to: database, migrations: migrations)
        XCTAssertTrue(migration.contains("ALTER EXTENSION \"pg_trgm\" UPDATE TO '1.6';"), migration)
        XCTAssertTrue(rollback.contains("no update path leads from version '1.6' to '1.5'"), rollback)
        for statement in ["DROP INDEX IF EXISTS \"public\".\"companies_name_trigrams\";", "DROP EXTENSION IF EXISTS \"pg_trgm\";",
                          "VERSION '1.5';", "CREATE INDEX companies_name_trigrams"] {
            XCTAssertTrue(rollback.contains(statement), "\(statement) in\n\(rollback)")
        }
    }

    /// A developer's database: what the history holds so far (the consolidated schema, then the
    /// pending migrations), then `sql`.
    private func developersDatabase(_ migrations: String, then sql: String) throws -> ScratchDatabase {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(try String(contentsOfFile: migrations + "/consolidated_schema.sql", encoding: .utf8))
        for migration in try MigrationDirectory.load(migrations).migrations(in: .pending) {
            try connection.execute(try String(contentsOf: migration.file, encoding: .utf8))
        }
        try connection.execute(sql)
        return database
    }

    /// `generate DESCRIPTION --to DATABASE` dated 2024-04-01, which must succeed: the migration and the rollback it wrote.
    private func generate(_ description: String, to database: ScratchDatabase, migrations: String) throws -> (String, String) {
        let run = try CommandRun.schemactl(["generate", description, "--to", database.connectionString.raw, "--migrations", migrations,
                                            "--date", "20240401", "--no-cache"], in: (migrations as NSString).deletingLastPathComponent,
                                           environment: try scratch())
        XCTAssertEqual(run.status, 0, run.stderr)
        let name = description.lowercased().replacingOccurrences(of: " ", with: "_")
        return (try String(contentsOfFile: migrations + "/pending/20240401_\(name).sql", encoding: .utf8),
                try String(contentsOfFile: migrations + "/pending/20240401_rollback_\(name).sql", encoding: .utf8))
    }

    private func serverMajor() throws -> Int {
        try Connection(EmbeddedPostgres.shared().connectionString()).serverVersionNumber / 10000
    }
}
