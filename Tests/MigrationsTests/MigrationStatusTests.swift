import Migrations
import PostgresClient
import TestSupport
import XCTest

final class MigrationStatusTests: XCTestCase {
    func testEveryDisagreementWithTheDatabaseIsFound() throws {
        let directory = try MigrationDirectory.load(fixtureURL("directories/valid").path)
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        // archive/20230101_add_a: applied. applied/20230115_add_b: never ran.
        // pending/20230201_add_c: already applied. pending/20230201_add_b2: rolled back.
        // 20221231_hotfix: the directory has no such migration.
        try connection.execute("""
            INSERT INTO schema_versions (version) VALUES ('20230101_add_a'), ('20230201_add_c'), ('20221231_hotfix');
            INSERT INTO schema_versions (version, is_active) VALUES ('20230201_add_b2', false);
            """)
        let status = MigrationStatus(directory: directory, entries: try SchemaVersions.read(connection), consulted: true)
        XCTAssertEqual(status.lines.map { $0.databaseState }, [.active, .absent, .rolledBack, .active])
        XCTAssertEqual(Set(status.disagreements), [
            .notApplied(version: "20230115_add_b", folder: .applied),
            .appliedButPending(version: "20230201_add_c"),
            .unknownVersion(version: "20221231_hotfix"),
        ])
    }

    func testADatabaseWithoutSchemaVersionsIsADisagreement() throws {
        let directory = try MigrationDirectory.load(fixtureURL("directories/valid").path)
        let database = try TestDatabase.make()
        let entries = try SchemaVersions.read(database.connect())
        XCTAssertNil(entries)
        let status = MigrationStatus(directory: directory, entries: entries, consulted: true)
        XCTAssertTrue(status.disagreements.contains(.noSchemaVersionsTable))
        XCTAssertTrue(status.disagreements.contains(.notApplied(version: "20230101_add_a", folder: .archive)))
    }

    func testAnAgreeingDatabaseHasNoDisagreement() throws {
        let directory = try MigrationDirectory.load(fixtureURL("directories/valid").path)
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        try connection.execute("INSERT INTO schema_versions (version) VALUES ('20230101_add_a'), ('20230115_add_b')")
        let status = MigrationStatus(directory: directory, entries: try SchemaVersions.read(connection), consulted: true)
        XCTAssertEqual(status.disagreements, [])
    }
}
