import Foundation
import Migrations
import PostgresClient
import TestSupport
import XCTest

/// The project's own CRM history: it must apply in order, and every rollback
/// must bring the schema back to exactly what it was before its migration.
final class CRMHistoryTests: XCTestCase {
    func testEveryMigrationAppliesInOrderAndEachRollbackUndoesIt() throws {
        try requireServer(toReplay: crmMigrationsPath)
        let directory = try MigrationDirectory.load(crmMigrationsPath)
        try directory.validate()
        let database = try TestDatabase.make()
        let connection = try database.connect()
        // What Replay does: the table exists before the first migration.
        try connection.execute(SchemaVersions.createStatement)

        for migration in directory.migrations {
            let before = try SchemaDump.of(database.connectionString)
            let forward = try String(contentsOf: migration.file, encoding: .utf8)
            let backward = try String(contentsOf: XCTUnwrap(migration.rollback), encoding: .utf8)

            try connection.execute(forward)
            let recorded = try SchemaVersions.read(connection)?.first { $0.version == migration.version }
            XCTAssertEqual(recorded?.isActive, true, "\(migration.version) did not record itself")
            let after = try SchemaDump.of(database.connectionString)
            XCTAssertNotEqual(after, before, "\(migration.version) changed nothing")

            try connection.execute(backward)
            let rolledBack = try SchemaVersions.read(connection)?.first { $0.version == migration.version }
            XCTAssertEqual(rolledBack?.isActive, false, "the rollback of \(migration.version) did not mark it")
            XCTAssertEqual(try SchemaDump.of(database.connectionString), before,
                           "the rollback of \(migration.version) does not restore the schema")

            // Re-apply, as a team does after fixing a rolled-back migration: the
            // guide's INSERT needs the old row gone.
            try connection.query("DELETE FROM schema_versions WHERE version = $1", [migration.version])
            try connection.execute(forward)
        }
        let active = try XCTUnwrap(SchemaVersions.read(connection)).filter(\.isActive).map(\.version)
        XCTAssertEqual(active, directory.migrations.map(\.version))
    }
}
