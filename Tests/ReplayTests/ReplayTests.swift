import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import SchemaModel
import TestSupport
import XCTest

final class ReplayTests: XCTestCase {
    func testReplayOfTheCRMGivesTheModelOfApplyingItsFilesByHand() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let replayed = try MigrationReplay.onTestServer().model(
            directory: projectRoot + "/migrations", selection: MigrationSelection(includePending: true))
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        for migration in try MigrationDirectory.load(projectRoot + "/migrations").migrations {
            try connection.execute(String(contentsOf: migration.file, encoding: .utf8))
        }
        XCTAssertEqual(replayed.model, try Inspector().inspect(connection))
    }

    func testByDefaultPendingMigrationsAreLeftOut() throws {
        let model = try replay("history").model
        XCTAssertEqual(model.table("public", "contacts")?.columns.map(\.name), ["id", "email"])
        let withPending = try replay("history", MigrationSelection(includePending: true)).model
        XCTAssertEqual(withPending.table("public", "contacts")?.columns.map(\.name), ["id", "email", "phone"])
    }

    func testAVersionStopsTheReplayAfterIt() throws {
        let model = try replay("history", MigrationSelection(upTo: "20230101_create_contacts")).model
        XCTAssertEqual(model.table("public", "contacts")?.indexes, [])
        XCTAssertThrowsError(try replay("history", MigrationSelection(upTo: "20990101_nope"))) { error in
            XCTAssertTrue("\(error)".contains("has no migration 20990101_nope"), "\(error)")
        }
    }

    func testAFailingMigrationNamesFileLineColumnAndSQLStateAndLeavesNothingBehind() throws {
        let server = try EmbeddedPostgres.shared().connectionString()
        let before = try databaseNames(server)
        XCTAssertThrowsError(try replay("failing_in_the_middle")) { error in
            let text = "\(error)"
            let file = replayFixtures + "/failing_in_the_middle/migrations/applied/20230201_add_contacts_index.sql"
            // PostgreSQL gives no position for this error: the statement that failed is named.
            XCTAssertTrue(text.hasPrefix("\(file):7:1: error 42P01: relation \"contacts\" does not exist"), text)
            XCTAssertTrue(text.hasSuffix("\n  CREATE INDEX idx_contacts_email\n  ^"), text)
        }
        XCTAssertEqual(try databaseNames(server), before, "the scratch database was left behind")
    }

    func testAMigrationThatDoesNotRecordItselfIsAnError() throws {
        XCTAssertThrowsError(try replay("does_not_record_itself")) { error in
            XCTAssertTrue("\(error)".contains("20230101_create_companies.sql: error: the migration recorded no version"), "\(error)")
        }
    }

    func testAMigrationThatRecordsAnotherVersionIsAnError() throws {
        XCTAssertThrowsError(try replay("records_another_version")) { error in
            XCTAssertTrue("\(error)".contains("recorded '20230101_create_company'"), "\(error)")
            XCTAssertTrue("\(error)".contains("exactly its own version '20230101_create_companies'"), "\(error)")
        }
    }

    func testANoTransactionFileWithCreateIndexConcurrentlyReplays() throws {
        let model = try replay("no_transaction").model
        XCTAssertEqual(model.table("public", "contacts")?.index("idx_contacts_email")?.keys, ["email"])
    }

    func testAFileWithoutOuterTransactionIsWrappedInOne() throws {
        XCTAssertThrowsError(try replay("without_outer_transaction")) { error in
            XCTAssertTrue("\(error)".contains("error 22012: division by zero"), "\(error)")
        }
    }

    func testTheCacheGivesTheIdenticalModelAndNoticesOneChangedByte() throws {
        let root = try copyOfFixture("history")
        let replay = MigrationReplay(useCache: true)
        let cold = try replay.model(directory: root + "/migrations", selection: MigrationSelection())
        let cacheFolder = root + "/.schemactl/cache"
        let entries = { try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasSuffix(".json") } }
        XCTAssertEqual(try entries().count, 1)
        let warm = try replay.model(directory: root + "/migrations", selection: MigrationSelection())
        XCTAssertEqual(warm.model, cold.model)

        // One byte changed in an archived file: a different key, a new entry.
        let archived = root + "/migrations/archive/20230101_create_contacts.sql"
        let text = try String(contentsOfFile: archived, encoding: .utf8)
        try text.replacingOccurrences(of: "email text", with: "email TEXT").write(toFile: archived, atomically: true, encoding: .utf8)
        _ = try replay.model(directory: root + "/migrations", selection: MigrationSelection())
        XCTAssertEqual(try entries().count, 2)
    }

    func testACorruptCacheEntryIsIgnored() throws {
        let root = try copyOfFixture("history")
        let replay = MigrationReplay(useCache: true)
        let cold = try replay.model(directory: root + "/migrations", selection: MigrationSelection())
        let cacheFolder = root + "/.schemactl/cache"
        let entry = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cacheFolder).first { $0.hasSuffix(".json") })
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: cacheFolder + "/" + entry))
        XCTAssertEqual(try replay.model(directory: root + "/migrations", selection: MigrationSelection()).model, cold.model)
        // A well-formed entry written under another key is not trusted either.
        let forged = #"{"formatVersion": 1, "key": "another", "serverVersion": 150000, "model": {"compositeTypes": [], "dependencies": [], "domains": [], "enums": [], "extensions": [], "functions": [], "schemas": [], "sequences": [], "tables": [], "views": []}}"#
        try Data(forged.utf8).write(to: URL(fileURLWithPath: cacheFolder + "/" + entry))
        XCTAssertEqual(try replay.model(directory: root + "/migrations", selection: MigrationSelection()).model, cold.model)
    }

    func testASQLFileIsASource() throws {
        let model = try ModelLoader().load(.sqlFile(replayFixtures + "/schema.sql")).model
        XCTAssertEqual(model.views.map(\.name.name), ["v"])
        XCTAssertNil(model.table("public", "schema_versions"), "a plain .sql file gets no schema_versions")
    }

    func testASQLFileWithAnErrorIsReportedWithItsPosition() throws {
        XCTAssertThrowsError(try ModelLoader().load(.sqlFile(replayFixtures + "/broken.sql"))) { error in
            XCTAssertTrue("\(error)".hasPrefix(replayFixtures + "/broken.sql:3:1: error 42P01: relation \"missing\" does not exist"), "\(error)")
        }
    }

    func testAnErrorWithAPositionPointsAtIt() throws {
        let path = NSTemporaryDirectory() + "schemactl-" + UUID().uuidString + ".sql"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        try "CREATE TABLE a (id int);\n\nSELECT id FROM a WHERE nope = 1;\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ModelLoader().load(.sqlFile(path))) { error in
            XCTAssertTrue("\(error)".hasPrefix(path + ":3:24: error 42703: column \"nope\" does not exist"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("\n  SELECT id FROM a WHERE nope = 1;\n                         ^"), "\(error)")
        }
    }

    func testEveryKindOfSourceGivesTheSameModel() throws {
        let database = try TestDatabase.make()
        try database.connect().execute(String(contentsOfFile: replayFixtures + "/schema.sql", encoding: .utf8))
        let fromDatabase = try ModelLoader().load(.database(database.connectionString)).model
        let fromFile = try ModelLoader().load(.sqlFile(replayFixtures + "/schema.sql")).model
        // Replayed as the unprivileged replay role, loaded as the superuser: only owners differ.
        XCTAssertEqual(fromFile.withoutOwners, fromDatabase.withoutOwners)
        let snapshotPath = NSTemporaryDirectory() + "schemactl-" + UUID().uuidString + ".json"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: snapshotPath) }
        let snapshot = Snapshot(header: .init(serverVersion: 150000, seconds: 0, source: "test", takenAt: "now"), model: fromDatabase)
        try snapshot.encoded().write(to: URL(fileURLWithPath: snapshotPath))
        XCTAssertEqual(try ModelLoader().load(.snapshot(snapshotPath)).model, fromDatabase)
        XCTAssertEqual(try SourceSpecifier.parse(replayFixtures + "/history/migrations@20230101_create_contacts"),
                       .migrations(directory: replayFixtures + "/history/migrations", upTo: "20230101_create_contacts"))
    }

    // MARK: helpers

    private func replay(_ name: String, _ selection: MigrationSelection = MigrationSelection()) throws -> LoadedModel {
        try MigrationReplay.onTestServer().model(directory: replayFixtures + "/" + name + "/migrations", selection: selection)
    }

    private func databaseNames(_ server: ConnectionString) throws -> Set<String> {
        Set(try Connection(server).query("SELECT datname FROM pg_database").rows.map { try $0.string("datname") }
            .filter { $0.hasPrefix("schemactl_scratch_") })
    }
}

let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

final class PrefixReuseTests: XCTestCase {
    func testAddingOneMigrationReplaysOnlyThatOne() throws {
        let root = try copyOfFixture("history")
        let applied = AppliedFiles()
        let replay = MigrationReplay(useCache: true, progress: { _, _, file in applied.append(file.path) })
        let first = try replay.model(directory: root + "/migrations", selection: MigrationSelection(includePending: true))
        XCTAssertEqual(applied.take().count, 3)

        let version = "20230401_add_contacts_notes"
        try "BEGIN;\nINSERT INTO schema_versions (version) VALUES ('\(version)');\nALTER TABLE contacts ADD COLUMN notes text;\nCOMMIT;\n"
            .write(toFile: root + "/migrations/pending/\(version).sql", atomically: true, encoding: .utf8)
        try "BEGIN;\nUPDATE schema_versions SET is_active = FALSE WHERE version = '\(version)';\nALTER TABLE contacts DROP COLUMN notes;\nCOMMIT;\n"
            .write(toFile: root + "/migrations/pending/20230401_rollback_add_contacts_notes.sql", atomically: true, encoding: .utf8)
        let second = try replay.model(directory: root + "/migrations", selection: MigrationSelection(includePending: true))
        XCTAssertEqual(applied.take().map { URL(fileURLWithPath: $0).lastPathComponent }, ["\(version).sql"])
        XCTAssertEqual(second.model.table("public", "contacts")?.columns.map(\.name), ["id", "email", "phone", "notes"])
        XCTAssertNotEqual(first.model, second.model)

        // The same result as a replay from nothing.
        let scratch = try MigrationReplay.onTestServer().model(directory: root + "/migrations", selection: MigrationSelection(includePending: true))
        XCTAssertEqual(scratch.model.withoutOwners, second.model.withoutOwners, "the test server replays as its superuser")
    }

    func testNoCacheReplaysIntoANewDatabaseOnThePersistentServerAndKeepsNothing() throws {
        let root = try copyOfFixture("history")
        let replayed = try MigrationReplay(useCache: false).model(directory: root + "/migrations", selection: MigrationSelection())
        XCTAssertEqual(replayed.model.withoutOwners, try MigrationReplay.onTestServer().model(
            directory: root + "/migrations", selection: MigrationSelection()).model.withoutOwners)
        let server = try XCTUnwrap(EmbeddedPostgres.persistent(data: root + "/.schemactl/server/data"))
        XCTAssertEqual(try userDatabases(server), [], "a scratch database or a replayed history was left behind")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: root + "/.schemactl/cache")) ?? [], [],
                       "--no-cache wrote a cache entry")
    }

    func testNoCacheLeavesNothingBehindWhenAMigrationFails() throws {
        let root = try copyOfFixture("failing_in_the_middle")
        XCTAssertThrowsError(try MigrationReplay(useCache: false).model(directory: root + "/migrations", selection: MigrationSelection())) { error in
            XCTAssertTrue("\(error)".contains("error 42P01"), "\(error)")
        }
        let server = try XCTUnwrap(EmbeddedPostgres.persistent(data: root + "/.schemactl/server/data"))
        XCTAssertEqual(try userDatabases(server), [])
    }

    private func userDatabases(_ server: EmbeddedPostgres) throws -> [String] {
        try Connection(server.connectionString()).query(
            "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1"
        ).rows.map { try $0.string("datname") }
    }

}

extension XCTestCase {
    /// A copy of the replay fixture `name` in a temporary folder, removed afterwards
    /// together with the persistent server a replay may have started in it.
    func copyOfFixture(_ name: String) throws -> String {
        let root = NSTemporaryDirectory() + "schemactl-replay-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: replayFixtures + "/" + name, toPath: root)
        addTeardownBlock {
            let data = root + "/.schemactl/server/data"
            // Only a server this process started holds the pid file of this fresh folder.
            if FileManager.default.fileExists(atPath: data + "/postmaster.pid") { EmbeddedPostgres.persistent(data: data)?.stop() }
            try? FileManager.default.removeItem(atPath: root)
        }
        return root
    }
}

let replayFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

private final class AppliedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String] = []
    func append(_ file: String) { lock.lock(); files.append(file); lock.unlock() }
    func take() -> [String] { lock.lock(); defer { files = []; lock.unlock() }; return files }
}
