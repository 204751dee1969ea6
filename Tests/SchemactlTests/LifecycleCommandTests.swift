import EmbeddedServer
import Foundation
import Migrations
import PostgresClient
import TestSupport
import XCTest

/// `apply` and `rollback` against a real database, as a user runs them: the
/// directory and `schema_versions` agree after every step, failures keep
/// nothing, an interrupted move is finished, and runners take turns.
final class LifecycleCommandTests: XCTestCase {
    /// An empty history with `files` (name → text) in pending/.
    private func history(_ files: [String: String]) throws -> String {
        let folder = try temporaryFolder("lifecycle") + "/migrations"
        for sub in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        for (name, text) in files { try text.write(toFile: folder + "/pending/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    private func migration(_ version: String, _ body: String) -> String {
        "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('\(version)', 'test');\n\(body)\nCOMMIT;\n"
    }

    private func rollback(_ version: String, _ body: String) -> String {
        "BEGIN;\nUPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '\(version)';\n\(body)\nCOMMIT;\n"
    }

    private func files(_ folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    private func status(_ migrations: String, _ database: ScratchDatabase) throws -> CommandRun {
        try CommandRun.schemactl(["status", "--migrations", migrations, "--database", database.connectionString.raw])
    }

    func testApplyRollbackAndApplyAgainKeepDirectoryAndDatabaseInAgreement() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations()
        let database = try TestDatabase.make()
        defer { database.drop() }
        let url = database.connectionString.raw
        let pending = directory(migrations, .pending).filter { !$0.contains("_rollback_") }.sorted()
        XCTAssertEqual(pending.count, 5)

        let dry = try CommandRun.schemactl(["apply", "--baseline", "--dry-run", "--migrations", migrations, "--database", url])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("would apply"), dry.stdout)
        XCTAssertEqual(try Connection(database.connectionString).query("SELECT to_regclass('schema_versions') IS NULL AS none").rows.first?.bool("none"), true,
                       "a dry run changes nothing")

        let baseline = try CommandRun.schemactl(["apply", "--baseline", "--move", "--migrations", migrations, "--database", url])
        XCTAssertEqual(baseline.status, 0, baseline.stderr)
        XCTAssertEqual(directory(migrations, .pending), [], "every pending pair moved to applied/")
        let afterBaseline = try status(migrations, database)
        XCTAssertEqual(afterBaseline.status, 0, afterBaseline.stdout)
        // The result equals the replay of archive, applied and pending.
        let same = try CommandRun.schemactl(["diff", migrations, url, "--no-cache"],
                                            environment: ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)

        let newest = (pending.last! as NSString).deletingPathExtension
        let undone = try CommandRun.schemactl(["rollback", "--last", "--move", "--migrations", migrations, "--database", url])
        XCTAssertEqual(undone.status, 0, undone.stderr)
        XCTAssertTrue(undone.stdout.contains("rolled back \(newest)"), undone.stdout)
        XCTAssertTrue(directory(migrations, .pending).contains(newest + ".sql"))
        let afterRollback = try status(migrations, database)
        XCTAssertEqual(afterRollback.status, 0, afterRollback.stdout)
        XCTAssertTrue(afterRollback.stdout.contains("rolled back"), afterRollback.stdout)

        let again = try CommandRun.schemactl(["apply", "--move", "--migrations", migrations, "--database", url])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains(newest), again.stdout)
        XCTAssertEqual(directory(migrations, .pending), [])
        XCTAssertEqual(try status(migrations, database).status, 0)
        let rows = try Connection(database.connectionString).query(
            "SELECT count(*)::int AS n, bool_and(is_active) AS active, bool_and(checksum IS NOT NULL) AS summed FROM schema_versions WHERE version = $1",
            [newest]).rows.first
        XCTAssertEqual(try rows?.int("n"), 1, "applied again: one row, active")
        XCTAssertEqual(try rows?.bool("active"), true)
        XCTAssertEqual(try rows?.bool("summed"), true)

        let upToDate = try CommandRun.schemactl(["apply", "--migrations", migrations, "--database", url])
        XCTAssertTrue(upToDate.stdout.contains("is up to date"), upToDate.stdout)
    }

    private func directory(_ migrations: String, _ folder: MigrationFolder) -> [String] {
        files(migrations + "/" + folder.rawValue).filter { $0.hasSuffix(".sql") }.sorted()
    }

    func testAFailingMigrationKeepsNothingAndStopsTheRun() throws {
        let migrations = try history([
            "20240101_first.sql": migration("20240101_first", "CREATE TABLE first (id int);"),
            "20240101_rollback_first.sql": rollback("20240101_first", "DROP TABLE first;"),
            "20240102_second.sql": migration("20240102_second", "CREATE TABLE second (id int);\nALTER TABLE nowhere ADD COLUMN x int;"),
            "20240102_rollback_second.sql": rollback("20240102_second", "DROP TABLE second;"),
            "20240103_third.sql": migration("20240103_third", "CREATE TABLE third (id int);"),
            "20240103_rollback_third.sql": rollback("20240103_third", "DROP TABLE third;"),
        ])
        let database = try TestDatabase.make()
        defer { database.drop() }
        let run = try CommandRun.schemactl(["apply", "--move", "--migrations", migrations, "--database", database.connectionString.raw])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("pending/20240102_second.sql:4:1: error 42P01: relation \"nowhere\" does not exist"), run.stderr)
        XCTAssertEqual(directory(migrations, .applied), ["20240101_first.sql", "20240101_rollback_first.sql"])
        XCTAssertEqual(directory(migrations, .pending).count, 4)
        let connection = try Connection(database.connectionString)
        let present = try connection.query("SELECT to_regclass('first') IS NOT NULL AS a, to_regclass('second') IS NOT NULL AS b, "
                                           + "to_regclass('third') IS NOT NULL AS c").rows.first
        XCTAssertEqual(try present?.bool("a"), true)
        XCTAssertEqual(try present?.bool("b"), false, "the failed migration's first statement was rolled back with it")
        XCTAssertEqual(try present?.bool("c"), false, "the later migration was not tried")
        XCTAssertEqual(try connection.query("SELECT version FROM schema_versions ORDER BY version").rows.map { try $0.string("version") },
                       ["20240101_first"])
    }

    func testAMoveCutShortByAKillIsReportedAndFinishedByTheNextApply() throws {
        let migrations = try history([
            "20240101_first.sql": migration("20240101_first", "CREATE TABLE first (id int);"),
            "20240101_rollback_first.sql": rollback("20240101_first", "DROP TABLE first;"),
        ])
        let database = try TestDatabase.make()
        defer { database.drop() }
        let url = database.connectionString.raw
        // The commit happened, the move did not (as if killed between them): applied without moving,
        // then the rollback file moved alone, as a move cut in half leaves it.
        XCTAssertEqual(try CommandRun.schemactl(["apply", "--migrations", migrations, "--database", url]).status, 0)
        try FileManager.default.moveItem(atPath: migrations + "/pending/20240101_rollback_first.sql",
                                         toPath: migrations + "/applied/20240101_rollback_first.sql")
        let reported = try CommandRun.schemactl(["apply", "--dry-run", "--migrations", migrations, "--database", url])
        XCTAssertEqual(reported.status, 2, "a pair cut in two is an invalid directory until a production apply finishes the move")
        let repaired = try CommandRun.schemactl(["apply", "--move", "--migrations", migrations, "--database", url])
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        XCTAssertTrue(repaired.stderr.contains("20240101_first: applied by an earlier run that stopped before moving it"), repaired.stderr)
        XCTAssertEqual(directory(migrations, .applied), ["20240101_first.sql", "20240101_rollback_first.sql"])
        XCTAssertEqual(directory(migrations, .pending), [])
        XCTAssertEqual(try status(migrations, database).status, 0)
    }

    func testAVersionActiveButStillInPendingIsWhatStatusReports() throws {
        let migrations = try history([
            "20240101_first.sql": migration("20240101_first", "CREATE TABLE first (id int);"),
            "20240101_rollback_first.sql": rollback("20240101_first", "DROP TABLE first;"),
        ])
        let database = try TestDatabase.make()
        defer { database.drop() }
        let applied = try CommandRun.schemactl(["apply", "--migrations", migrations, "--database", database.connectionString.raw])
        XCTAssertTrue(applied.stdout.contains("files stay in pending/"), applied.stdout)
        let run = try status(migrations, database)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("20240101_first: active in the database but still in pending/"), run.stdout)
    }

    func testTwoRunnersAtOnceApplyEachMigrationOnceAndATimedOutOneNamesTheHolder() throws {
        let migrations = try history([
            "20240101_slow.sql": migration("20240101_slow", "SELECT pg_sleep(2); CREATE TABLE slow (id int);"),
            "20240101_rollback_slow.sql": rollback("20240101_slow", "DROP TABLE slow;"),
            "20240102_index.sql": "-- schemactl:no-transaction\nCREATE TABLE indexed (id int);\nCREATE INDEX CONCURRENTLY indexed_id ON indexed (id);\n"
                + "INSERT INTO schema_versions (version, description) VALUES ('20240102_index', 'index');\n",
            "20240102_rollback_index.sql": rollback("20240102_index", "DROP TABLE indexed;"),
        ])
        let database = try TestDatabase.make()
        defer { database.drop() }
        let url = database.connectionString.raw
        let arguments = ["apply", "--migrations", migrations, "--database", url]
        let group = DispatchGroup()
        let results = Results()
        for index in 0..<3 {
            // A thread each: the global queue's pool (as many threads as cores) could hold the third back.
            group.enter()
            Thread {
                let timeout = index == 2 ? ["--lock-timeout", "0.5"] : []
                let run = try? CommandRun.schemactl(arguments + timeout, environment: ["PGAPPNAME": "runner\(index)"])
                results.set(index, run)
                group.leave()
            }.start()
            usleep(300_000)
        }
        group.wait()
        let runs = (0..<3).map { results.get($0) }
        XCTAssertEqual(runs[0]?.status, 0, runs[0]?.stderr ?? "")
        XCTAssertEqual(runs[1]?.status, 0, runs[1]?.stderr ?? "")
        XCTAssertTrue(runs[1]?.stdout.contains("is up to date") ?? false, "the second waited, then found nothing to do: \(runs[1]?.stdout ?? "")")
        XCTAssertTrue(runs[1]?.stderr.contains("waiting for the migration lock") ?? false, runs[1]?.stderr ?? "")
        XCTAssertEqual(runs[2]?.status, 2)
        XCTAssertTrue(runs[2]?.stderr.contains("holds the migration lock") ?? false, runs[2]?.stderr ?? "")
        XCTAssertTrue(runs[2]?.stderr.contains("application_name 'runner0'") ?? false, runs[2]?.stderr ?? "")
        let counts = try Connection(database.connectionString).query("SELECT version, count(*)::int AS n FROM schema_versions GROUP BY version ORDER BY 1")
        XCTAssertEqual(try counts.rows.map { "\(try $0.string("version"))=\(try $0.int("n"))" }, ["20240101_slow=1", "20240102_index=1"])
    }

    func testBaselineRefusesADatabaseWithASchemaAndRollbackKeepsToItsRules() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let migrations = try copyOfMigrations()
        let database = try TestDatabase.make()
        defer { database.drop() }
        let url = database.connectionString.raw
        try Connection(database.connectionString).execute("CREATE TABLE already_here (id int)")
        let refused = try CommandRun.schemactl(["apply", "--baseline", "--migrations", migrations, "--database", url])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("relation public.already_here"), refused.stderr)
        try Connection(database.connectionString).execute("DROP TABLE already_here")
        XCTAssertEqual(try CommandRun.schemactl(["apply", "--baseline", "--migrations", migrations, "--database", url]).status, 0)

        let archived = try CommandRun.schemactl(["rollback", "20230105_enable_extensions", "--migrations", migrations, "--database", url])
        XCTAssertEqual(archived.status, 2)
        XCTAssertTrue(archived.stderr.contains("is archived"), archived.stderr)
        let older = try CommandRun.schemactl(["rollback", "20240110_add_company_health_score", "--migrations", migrations, "--database", url])
        XCTAssertEqual(older.status, 2)
        XCTAssertTrue(older.stderr.contains("is not the newest active migration"), older.stderr)
    }

    func testAnAppliedFileThatChangedIsAWarningAndWithStrictAnError() throws {
        let migrations = try history([
            "20240101_first.sql": migration("20240101_first", "CREATE TABLE first (id int);"),
            "20240101_rollback_first.sql": rollback("20240101_first", "DROP TABLE first;"),
        ])
        let database = try TestDatabase.make()
        defer { database.drop() }
        let url = database.connectionString.raw
        XCTAssertEqual(try CommandRun.schemactl(["apply", "--move", "--migrations", migrations, "--database", url]).status, 0)
        try (migration("20240101_first", "CREATE TABLE first (id int, edited text);"))
            .write(toFile: migrations + "/applied/20240101_first.sql", atomically: true, encoding: .utf8)
        let warned = try CommandRun.schemactl(["apply", "--migrations", migrations, "--database", url])
        XCTAssertEqual(warned.status, 0)
        XCTAssertTrue(warned.stderr.contains("applied/20240101_first.sql: changed since it was applied"), warned.stderr)
        let strict = try CommandRun.schemactl(["apply", "--strict", "--migrations", migrations, "--database", url])
        XCTAssertEqual(strict.status, 2)
        let status = try CommandRun.schemactl(["status", "--migrations", migrations, "--database", url])
        XCTAssertEqual(status.status, 0)
        XCTAssertTrue(status.stderr.contains("applied/20240101_first.sql: changed since it was applied"), status.stderr)
        XCTAssertEqual(try CommandRun.schemactl(["status", "--strict", "--migrations", migrations, "--database", url]).status, 2)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Int: CommandRun] = [:]
    func set(_ index: Int, _ run: CommandRun?) { lock.lock(); runs[index] = run; lock.unlock() }
    func get(_ index: Int) -> CommandRun? { lock.lock(); defer { lock.unlock() }; return runs[index] }
}
