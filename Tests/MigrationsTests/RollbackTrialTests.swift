import EmbeddedServer
import Migrations
import PostgresClient
import TestSupport
import XCTest

/// A migration applied and its rollback tried in one transaction: the reads see
/// each side, the rollback is undone by its savepoint, and what is left is the
/// migration applied once; a trial that fails leaves nothing behind.
final class RollbackTrialTests: XCTestCase {
    let migration = MigrationFile(path: "applied/20240102_add_c.sql", text: """
        -- Migration: 20240102_add_c
        BEGIN;
        INSERT INTO schema_versions (version, description) VALUES ('20240102_add_c', 'add c');
        ALTER TABLE t ADD COLUMN c int;
        COMMIT;
        """, expectedVersion: "20240102_add_c")
    let rollback = MigrationFile(path: "applied/20240102_rollback_add_c.sql", text: """
        BEGIN;
        UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20240102_add_c';
        ALTER TABLE t DROP COLUMN c;
        COMMIT;
        """, expectedVersion: nil)
    let columns = "SELECT string_agg(attname, ',' ORDER BY attnum) AS columns FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped"

    func database() throws -> (ScratchDatabase, Connection) {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        try connection.execute("CREATE TABLE t (a int)")
        return (database, connection)
    }

    func testTheReadsSeeBothSidesAndTheMigrationStaysAppliedOnce() throws {
        let (handle, connection) = try database()
        defer { handle.drop() }
        let trial = try XCTUnwrap(RollbackTrial.run(migration, rollback: rollback, on: connection, recordedSince: 0,
                                                    before: [columns], after: [columns, "SELECT count(*) AS n FROM schema_versions WHERE NOT is_active"]))
        XCTAssertEqual(try trial.before[0].rows[0].string("columns"), "a")
        XCTAssertEqual(try trial.after[0].rows[0].string("columns"), "a", "the rollback dropped c")
        XCTAssertEqual(try trial.after[1].rows[0].int("n"), 1, "the rollback marked the version inside the trial")
        XCTAssertFalse(connection.isInTransaction)
        // Undone by the savepoint: c is back, the version active, recorded once.
        XCTAssertEqual(try connection.execute(columns).rows[0].string("columns"), "a,c")
        let versions = try connection.execute("SELECT id, version, is_active FROM schema_versions").rows
        XCTAssertEqual(try versions.map { try $0.string("version") }, ["20240102_add_c"])
        XCTAssertEqual(try versions[0].bool("is_active"), true)
        XCTAssertEqual(trial.recordedID, try versions[0].int("id"))
    }

    func testAFailingRollbackChangesNothing() throws {
        let (handle, connection) = try database()
        defer { handle.drop() }
        let broken = MigrationFile(path: rollback.path, text: "BEGIN;\nALTER TABLE t DROP COLUMN missing;\nCOMMIT;\n", expectedVersion: nil)
        XCTAssertNil(try RollbackTrial.run(migration, rollback: broken, on: connection, recordedSince: 0, before: [], after: []))
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.execute(columns).rows[0].string("columns"), "a", "the migration was rolled back with it")
        XCTAssertEqual(try connection.execute("SELECT count(*) AS n FROM schema_versions").rows[0].int("n"), 0)
    }

    func testAMigrationThatRecordsAnotherVersionIsAnError() throws {
        let (handle, connection) = try database()
        defer { handle.drop() }
        let wrong = MigrationFile(path: migration.path, text: migration.text.replacingOccurrences(of: "VALUES ('20240102_add_c'", with: "VALUES ('20240103_other'"),
                                  expectedVersion: "20240102_add_c")
        XCTAssertThrowsError(try RollbackTrial.run(wrong, rollback: rollback, on: connection, recordedSince: 0, before: [], after: [])) { error in
            guard case MigrationRunError.versionNotRecorded(_, let expected, let recorded) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(expected, "20240102_add_c")
            XCTAssertEqual(recorded, ["20240103_other"])
        }
    }

    func testOnlyPlainTransactionalFilesAreTried() {
        let bare = MigrationFile(path: "m.sql", text: "INSERT INTO schema_versions (version) VALUES ('v');\nCREATE TABLE u (a int);",
                                 expectedVersion: "v")
        XCTAssertTrue(RollbackTrial.shapeAllows(migration, rollback))
        XCTAssertTrue(RollbackTrial.shapeAllows(bare, rollback), "a file without BEGIN runs wrapped")
        let outside = MigrationFile(path: "m.sql", text: "-- schemactl:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);", expectedVersion: "v")
        let two = MigrationFile(path: "m.sql", text: "BEGIN;\nCREATE TABLE u (a int);\nCOMMIT;\nBEGIN;\nCREATE TABLE w (a int);\nCOMMIT;",
                                expectedVersion: "v")
        let prepares = MigrationFile(path: "m.sql", text: "BEGIN;\nPREPARE p AS SELECT 1;\nEXECUTE p;\nCOMMIT;", expectedVersion: "v")
        let copies = MigrationFile(path: "m.sql", text: "BEGIN;\nCOPY t FROM STDIN;\nCOMMIT;", expectedVersion: "v")
        for file in [outside, two, prepares, copies] {
            XCTAssertFalse(RollbackTrial.shapeAllows(file, rollback), file.text)
            XCTAssertFalse(RollbackTrial.shapeAllows(migration, file), file.text)
        }
    }
}
