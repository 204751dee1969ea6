import EmbeddedServer
import Foundation
import Migrations
import PostgresClient
import Replay
import SchemaModel
import Support
import TestSupport
import XCTest

/// A replay gives what production got from the same files applied one psql session each.
final class ReplayFidelityTests: XCTestCase {
    func testASearchPathSetByOneFileDoesNotReachTheNext() throws {
        let root = try history([
            "20230101_make_app": "CREATE SCHEMA app;\nSET search_path = app, public;",
            "20230102_make_widgets": "CREATE TABLE widgets (id int);",
        ])
        let model = try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection()).model
        XCTAssertNotNil(model.table("public", "widgets"), "widgets went to \(model.tables.map(\.name))")
        XCTAssertNil(model.table("app", "widgets"))
    }

    func testRoleTemporaryTablesAndPreparedStatementsDoNotReachTheNextFile() throws {
        let root = try history([
            "20230101_first": "CREATE TEMP TABLE scratch (a int);\nPREPARE probe AS SELECT 1;\nSET ROLE pg_monitor;",
            // Each of these fails if the previous file's session state survived.
            "20230102_second": "CREATE TEMP TABLE scratch (a int);\nPREPARE probe AS SELECT 2;\nCREATE TABLE owned_by_postgres (id int);",
        ])
        let model = try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection()).model
        XCTAssertNotNil(model.table("public", "owned_by_postgres"))
    }

    func testAFileThatLeavesItsTransactionOpenIsAnErrorAndAppliesNothing() throws {
        let root = try history(["20230101_open": "CREATE TABLE never (id int);"], commit: false)
        XCTAssertThrowsError(try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection())) { error in
            XCTAssertTrue("\(error)".contains("20230101_open.sql: error: the file opens a transaction that it never commits"), "\(error)")
        }
    }

    func testAFileThatEndsInRollbackSaysSo() throws {
        let root = try history(["20230101_undone": "CREATE TABLE undone (id int);"], ending: "ROLLBACK;")
        XCTAssertThrowsError(try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection())) { error in
            XCTAssertTrue("\(error)".contains("20230101_undone.sql: error: the file ends in ROLLBACK, so nothing it did was kept"), "\(error)")
        }
    }

    func testAnUnterminatedQuoteIsReportedWhereItOpensWithoutSQLOfOurs() throws {
        let root = try history(["20230101_quote": "CREATE TABLE q (b text DEFAULT 'x);"])
        XCTAssertThrowsError(try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("20230101_quote.sql:4:32: error: unterminated string literal"), text)
            XCTAssertFalse(text.contains("RESET ALL") || text.contains("schema_versions WHERE id"), text)
        }
    }

    func testAPsqlMetaCommandIsNamedWithItsLine() throws {
        let root = try history(["20230101_meta": "\\connect other\nCREATE TABLE m (id int);"])
        XCTAssertThrowsError(try MigrationReplay.onTestServer().model(directory: root, selection: MigrationSelection())) { error in
            XCTAssertTrue("\(error)".contains("20230101_meta.sql:4:1: error: psql meta-commands are not supported (\\connect)"), "\(error)")
        }
    }

    // MARK: the embedded server between replays (histories that need --trusted-sql)

    func testARoleCreatedByOneReplayDoesNotBreakTheNext() throws {
        let root = try history(["20230101_roles": "CREATE ROLE reporting;\nCREATE TABLE a (id int);"])
        _ = try trusted(useCache: false).model(directory: root, selection: MigrationSelection())
        // A switch to another branch whose history creates the same role: same project, same persistent server.
        try switchBranch(root, to: ["20230101_roles_again": "CREATE ROLE reporting;\nCREATE TABLE b (id int);"])
        let model = try trusted(useCache: false).model(directory: root, selection: MigrationSelection()).model
        XCTAssertNotNil(model.table("public", "b"))
        let again = try trusted(useCache: true).model(directory: root, selection: MigrationSelection()).model
        XCTAssertEqual(again, model)
    }

    func testTwoVersionsOfASchemaFileThatCreateTheSameRoleReplayAtOnce() throws {
        // The two sides of `diff old.sql new.sql` replay at once on the same embedded server;
        // each side's role is the cluster's, not its scratch database's. The pause keeps both
        // replays under way together, as two large files would be.
        let folder = NSTemporaryDirectory() + "schemactl-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let files = ["old", "new"].map { folder + "/\($0).sql" }
        for (index, path) in files.enumerated() {
            try "CREATE ROLE app_owner;\nSELECT pg_sleep(0.5);\nCREATE TABLE t\(index) (id int);\nALTER TABLE t\(index) OWNER TO app_owner;\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let replay = trusted(useCache: false)
        let models = try files.parallelResults { try replay.model(sqlFile: $0).model }.map { try $0.get() }
        for (index, model) in models.enumerated() {
            XCTAssertEqual(model.table("public", "t\(index)")?.owner, "app_owner")
        }
    }

    func testARoleSettingMadeByAReplayDoesNotMoveTheNextReplaysTables() throws {
        let root = try history([
            "20230101_role_setting": "CREATE SCHEMA app;\nALTER ROLE postgres SET search_path = app, public;",
        ])
        _ = try trusted(useCache: false).model(directory: root, selection: MigrationSelection())
        // Another branch of the same project, on the same persistent server.
        try switchBranch(root, to: ["20230101_widgets": "CREATE TABLE widgets (id int);"])
        for useCache in [false, true] {
            let model = try trusted(useCache: useCache).model(directory: root, selection: MigrationSelection()).model
            XCTAssertNotNil(model.table("public", "widgets"), "useCache \(useCache): \(model.tables.map(\.name))")
        }
    }

    // MARK: untrusted SQL

    func testReplaysRunAsAnUnprivilegedRoleAndASuperuserIsOptIn() throws {
        try requireServer(toRun: "CREATE EXTENSION pgcrypto")
        let root = try history([
            "20230101_extension": "CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE TABLE keys (id uuid DEFAULT gen_random_uuid());",
            "20230102_program": "COPY (SELECT 1) TO PROGRAM 'cat > /dev/null';",
        ])
        XCTAssertThrowsError(try MigrationReplay(useCache: false).model(directory: root, selection: MigrationSelection())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("20230102_program.sql:4:1: error 42501:"), text)
            XCTAssertTrue(text.contains("unprivileged role schemactl_replay"), text)
            XCTAssertTrue(text.contains("--trusted-sql"), text)
        }
        var trusted = MigrationReplay(useCache: false)
        trusted.trustedSQL = true
        let model = try trusted.model(directory: root, selection: MigrationSelection()).model
        XCTAssertNotNil(model.table("public", "keys"))
    }

    func testTheCRMHistoryReplaysWithoutASuperuser() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let project = NSTemporaryDirectory() + "schemactl-crm-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: projectRoot + "/migrations", toPath: project + "/migrations")
        addTeardownBlock {
            let data = project + "/.schemactl/server/data"
            if FileManager.default.fileExists(atPath: data + "/postmaster.pid") { EmbeddedPostgres.persistent(data: data)?.stop() }
            try? FileManager.default.removeItem(atPath: project)
        }
        let selection = MigrationSelection(includePending: true)
        let unprivileged = try MigrationReplay(useCache: false).model(directory: project + "/migrations", selection: selection)
        let superuser = try MigrationReplay.onTestServer().model(directory: project + "/migrations", selection: selection)
        XCTAssertEqual(unprivileged.model.withoutOwners, superuser.model.withoutOwners)
        XCTAssertEqual(unprivileged.model.tables.compactMap(\.owner).first, EmbeddedPostgres.replayRole)
    }

    func testRolesAHistoryUsesWithoutCreatingThemAreMadeForTheReplayAndEndWithIt() throws {
        let root = try history([
            "20230101_grants": "CREATE TABLE a (id int);\nGRANT SELECT ON a TO app_reader;",
            "20230102_more": "CREATE TABLE b (id int);\nGRANT SELECT, INSERT ON b TO app_reader, \"App Writer\";",
        ])
        let warnings = Mutex<[String]>([])
        var replay = MigrationReplay(useCache: false, warn: { message in warnings.withLock { $0.append(message) } })
        replay.roles = ["listed_role"]
        let model = try replay.model(directory: root, selection: MigrationSelection()).model
        XCTAssertEqual(model.table("public", "a")?.privileges.map(\.description), [#"SELECT to "app_reader""#])
        XCTAssertEqual(model.table("public", "b")?.privileges.map(\.description),
                       [#"INSERT to "App Writer""#, #"SELECT to "App Writer""#, #"INSERT to "app_reader""#, #"SELECT to "app_reader""#])
        let named = warnings.current.joined(separator: "\n")
        for role in ["app_reader", "App Writer"] { XCTAssertTrue(named.contains("\"\(role)\""), "\(role): \(named)") }
        XCTAssertFalse(named.contains("listed_role"), "a listed role is expected, not a surprise")

        // None survives: another branch on the same server creates two of them itself, and gives a table to a third.
        try switchBranch(root, to: [
            "20230101_roles": "CREATE ROLE app_reader;\nCREATE ROLE listed_role;\nCREATE TABLE c (id int);\nALTER TABLE c OWNER TO app_owner;",
        ])
        let other = try trusted(useCache: false).model(directory: root, selection: MigrationSelection()).model
        XCTAssertEqual(other.table("public", "c")?.owner, "app_owner")
    }

    // MARK: helpers

    /// A replay on the embedded server as its superuser (`--trusted-sql`): only a
    /// superuser can change the cluster as these histories do.
    private func trusted(useCache: Bool) -> MigrationReplay {
        var replay = MigrationReplay(useCache: useCache)
        replay.trustedSQL = true
        return replay
    }

    /// A migrations directory in a new temporary project, each file recording its version.
    private func history(_ files: [String: String], commit: Bool = true, ending: String = "COMMIT;") throws -> String {
        let project = NSTemporaryDirectory() + "schemactl-fidelity-" + UUID().uuidString
        addTeardownBlock {
            let data = project + "/.schemactl/server/data"
            if FileManager.default.fileExists(atPath: data + "/postmaster.pid") { EmbeddedPostgres.persistent(data: data)?.stop() }
            try? FileManager.default.removeItem(atPath: project)
        }
        try writeHistory(at: project + "/migrations", files, commit: commit, ending: ending)
        return project + "/migrations"
    }

    private func switchBranch(_ directory: String, to files: [String: String]) throws {
        try FileManager.default.removeItem(atPath: directory)
        try writeHistory(at: directory, files)
    }

    private func writeHistory(at directory: String, _ files: [String: String], commit: Bool = true, ending: String = "COMMIT;") throws {
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        }
        for (version, body) in files {
            let migration = "BEGIN;\nINSERT INTO schema_versions (version) VALUES ('\(version)');\n\n\(body)\n" + (commit ? ending + "\n" : "")
            try migration.write(toFile: directory + "/applied/\(version).sql", atomically: true, encoding: .utf8)
            let rollbackName = version.replacingOccurrences(of: "_", with: "_rollback_", options: [], range: version.range(of: "_"))
            try "BEGIN;\nCOMMIT;\n".write(toFile: directory + "/applied/\(rollbackName).sql", atomically: true, encoding: .utf8)
        }
    }
}
