import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Replay
import SchemaModel
import TestSupport
import XCTest

/// A live database's model is read again only when its catalog has changed: any
/// committed change moves the catalog's stamp, and a model taken from the cache
/// is the model a full read gives.
final class DatabaseModelCacheTests: XCTestCase {
    private func makeCache() -> DatabaseModelCache {
        let folder = NSTemporaryDirectory() + "schemactl-models-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return DatabaseModelCache(folder: folder)
    }

    /// Reads until a read is taken from the cache. Tablespaces are part of every stamp,
    /// and other tests on the same server make them, so two reads in a row may see one
    /// made between them: a few tries, each a pair of reads with nothing done here between.
    private func rememberedRead(_ connection: Connection, _ cache: DatabaseModelCache,
                                file: StaticString = #filePath, line: UInt = #line) throws -> StampedModel? {
        for _ in 0..<5 {
            let read = try Inspector().inspect(connection, memory: cache)
            if read.remembered { return read }
        }
        XCTFail("five reads of an unchanged database were never taken from the cache", file: file, line: line)
        return nil
    }

    func testAnUnchangedDatabaseIsTakenFromTheCacheAndIsWhatAFullReadGives() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("""
            CREATE TYPE stage AS ENUM ('lead', 'won');
            CREATE TABLE deals (id int PRIMARY KEY, stage stage NOT NULL DEFAULT 'lead', note text CHECK (note <> ''));
            CREATE INDEX deals_stage ON deals (stage) WHERE note IS NOT NULL;
            CREATE VIEW open_deals AS SELECT id FROM deals WHERE stage = 'lead';
            COMMENT ON TABLE deals IS 'é and "quotes" \\ and a backslash';
            """)
        let cache = makeCache()
        let first = try Inspector().inspect(connection, memory: cache)
        XCTAssertFalse(first.remembered)
        XCTAssertNotNil(first.stamp)
        let again = try XCTUnwrap(try rememberedRead(connection, cache))
        XCTAssertEqual(again.model, try Inspector().inspect(connection))
        XCTAssertEqual(again.model, first.model)
    }

    func testEveryKindOfCommittedChangeIsSeenEvenOneThatLeavesTheSameSchema() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("""
            CREATE TABLE t (id int PRIMARY KEY, a text);
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE SEQUENCE s;
            """)
        let cache = makeCache()
        let changes = [
            "ALTER TABLE t ADD COLUMN b int",
            "COMMENT ON COLUMN t.a IS 'a note'",
            "CREATE INDEX t_a ON t (a)",
            "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2'",
            "ALTER SEQUENCE s INCREMENT BY 5",
            "ALTER TABLE t ALTER COLUMN a SET DEFAULT 'x'",
            "GRANT SELECT ON t TO PUBLIC",
            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
            "ALTER TABLE t ALTER COLUMN a TYPE varchar(20)",
            // Dropped and made again the same in another transaction: the same schema, other rows.
            "DROP INDEX t_a",
            "CREATE INDEX t_a ON t (a)",
        ]
        _ = try Inspector().inspect(connection, memory: cache)
        var models: [DatabaseModel] = []
        for change in changes {
            let before = try Inspector().inspect(connection)
            try connection.execute(change)
            let read = try Inspector().inspect(connection, memory: cache)
            XCTAssertFalse(read.remembered, "after \(change)")
            let now = try Inspector().inspect(connection)
            XCTAssertEqual(read.model, now, "after \(change)")
            XCTAssertNotEqual(now, before, "\(change) changes the model")
            models.append(now)
        }
        // The last two steps gave back the schema of two steps before, and were still read anew.
        XCTAssertEqual(models[models.count - 1], models[models.count - 3])
        // A rolled-back change leaves the stamp where it was; so do data the model does not
        // read: a large object, the statistics ANALYZE writes.
        let before = try Inspector().inspect(connection, memory: cache).stamp
        try connection.execute("BEGIN; ALTER TABLE t ADD COLUMN c int; ROLLBACK")
        try connection.execute("INSERT INTO t (id, a) VALUES (1, 'x'); SELECT pg_catalog.lo_create(0); ANALYZE t")
        XCTAssertEqual(try Inspector().inspect(connection, memory: cache).stamp, before)
        XCTAssertNotNil(try rememberedRead(connection, cache))
    }

    func testARoleRenamedElsewhereChangesTheOwnerNamesAndSoTheStamp() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let role = "schemactl_cache_owner_" + String(UUID().uuidString.prefix(8)).lowercased()
        try connection.execute("CREATE ROLE \(role) NOLOGIN; CREATE TABLE t (id int); ALTER TABLE t OWNER TO \(role)")
        addTeardownBlock { _ = try? connection.execute("DROP TABLE IF EXISTS t; DROP ROLE IF EXISTS \(role)x; DROP ROLE IF EXISTS \(role)") }
        let cache = makeCache()
        _ = try Inspector().inspect(connection, memory: cache)
        // pg_authid is the cluster's: the rename commits no row of this database's catalogs.
        try Connection(database.connectionString.replacingDatabase(with: "postgres")).execute("ALTER ROLE \(role) RENAME TO \(role)x")
        let read = try Inspector().inspect(connection, memory: cache)
        XCTAssertFalse(read.remembered)
        XCTAssertEqual(read.model.tables.first?.owner, role + "x")
    }

    func testARoleIsPartOfTheStampOnceTheDatabaseNamesIt() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (id int)")
        let role = "schemactl_cache_grantee_" + String(UUID().uuidString.prefix(8)).lowercased()
        let elsewhere = try Connection(database.connectionString.replacingDatabase(with: "postgres"))
        addTeardownBlock { _ = try? connection.execute("DROP OWNED BY \(role)x; DROP ROLE IF EXISTS \(role)x; DROP ROLE IF EXISTS \(role)") }
        let cache = makeCache()
        let first = try Inspector().inspect(connection, memory: cache)
        // A role the database does not name: made and renamed, and the model is still the one kept.
        try elsewhere.execute("CREATE ROLE \(role) NOLOGIN")
        try elsewhere.execute("ALTER ROLE \(role) RENAME TO \(role)x; ALTER ROLE \(role)x RENAME TO \(role)")
        let unnamed = try Inspector().inspect(connection, memory: cache)
        XCTAssertTrue(unnamed.remembered, "a role the database does not name moved the stamp")
        XCTAssertEqual(unnamed.stamp, first.stamp)
        XCTAssertEqual(unnamed.model, first.model)
        // Once granted something here, its name is in the model, and renaming it is a change.
        try connection.execute("GRANT SELECT ON t TO \(role)")
        XCTAssertFalse(try Inspector().inspect(connection, memory: cache).remembered)
        try elsewhere.execute("ALTER ROLE \(role) RENAME TO \(role)x")
        let renamed = try Inspector().inspect(connection, memory: cache)
        XCTAssertFalse(renamed.remembered)
        XCTAssertEqual(renamed.model, try Inspector().inspect(connection))
        XCTAssertTrue(renamed.model.tables.first?.privileges.contains { $0.grantee == role + "x" } ?? false)
    }

    func testAnEntryThatDoesNotDecodeIsAMissAndIsWrittenAgain() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (id int)")
        let cache = makeCache()
        _ = try Inspector().inspect(connection, memory: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.folder).filter { $0.hasSuffix(".model") }
        XCTAssertEqual(files.count, 1)
        let path = cache.folder + "/" + files[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The header kept, the model cut short.
        try String(text.prefix(text.count - 10)).write(toFile: path, atomically: true, encoding: .utf8)
        let read = try Inspector().inspect(connection, memory: cache)
        XCTAssertFalse(read.remembered)
        XCTAssertEqual(read.model.tables.map(\.name.name), ["t"])
        XCTAssertNotNil(try rememberedRead(connection, cache))
    }

    /// A run stopped while it wrote a model leaves its temporary file: the next write removes it once it is old.
    func testAWriteLeftHalfDoneByAStoppedRunIsRemovedOnceItIsOld() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let cache = makeCache()
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        let old = cache.folder + "/.writing-left-by-a-stopped-run", recent = cache.folder + "/.writing-still-going"
        for path in [old, recent] { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{".utf8))) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old)
        _ = try Inspector().inspect(connection, memory: cache)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertTrue(FileManager.default.fileExists(atPath: recent), "another run may be writing it now")
    }

    func testTheFolderAndItsFilesAreTheUsersAlone() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let cache = makeCache()
        _ = try Inspector().inspect(connection, memory: cache)
        let manager = FileManager.default
        XCTAssertEqual((try manager.attributesOfItem(atPath: cache.folder))[.posixPermissions] as? Int, 0o700)
        for name in try manager.contentsOfDirectory(atPath: cache.folder) {
            XCTAssertEqual((try manager.attributesOfItem(atPath: cache.folder + "/" + name))[.posixPermissions] as? Int, 0o600, name)
        }
    }

    func testARoleThatIsNotASuperuserGetsAStampToo() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let role = "schemactl_cache_reader_" + String(UUID().uuidString.prefix(8)).lowercased()
        try connection.execute("CREATE ROLE \(role) LOGIN PASSWORD 'reader-pw'; CREATE TABLE t (id int); GRANT SELECT ON t TO \(role)")
        addTeardownBlock { _ = try? connection.execute("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
        let reader = try Connection(ConnectionString(database.connectionString.replacingUser(with: role).raw + " password=reader-pw"))
        let cache = makeCache()
        let first = try Inspector().inspect(reader, memory: cache)
        XCTAssertNotNil(first.stamp, "pg_authid and pg_user_mapping are a superuser's: they are read through their views")
        XCTAssertNotNil(try rememberedRead(reader, cache))
    }

    func testALoaderWithACacheNamesWhatTheModelIsAFunctionOf() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TABLE t (id int)")
        var loader = ModelLoader()
        loader.databaseMemory = makeCache()
        let loaded = try loader.load(.database(database.connectionString))
        XCTAssertNotNil(loaded.contentKey)
        XCTAssertNil(try ModelLoader().load(.database(database.connectionString)).contentKey)
        // Another database on the same server is another place.
        let other = try TestDatabase.make()
        try other.connect().execute("CREATE TABLE t (id int)")
        XCTAssertNotEqual(try loader.load(.database(other.connectionString)).contentKey, loaded.contentKey)
    }
}
