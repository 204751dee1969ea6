import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Replay
import TestSupport
import XCTest

/// A `pg_dump --schema-only` file is a source: its `\restrict` / `\unrestrict`
/// lines (pg_dump 15.18 and later) are skipped, any other meta-command is named.
final class DumpSourceTests: XCTestCase {
    func testAPgDumpFileGivesTheModelOfTheDatabaseItCameFrom() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("""
            CREATE TYPE stage AS ENUM ('lead', 'won');
            CREATE TABLE deals (id int PRIMARY KEY, stage stage NOT NULL DEFAULT 'lead', note text CHECK (note <> ''));
            CREATE INDEX deals_stage ON deals (stage) WHERE note IS NOT NULL;
            CREATE VIEW open_deals AS SELECT id FROM deals WHERE stage = 'lead';
            """)
        let path = NSTemporaryDirectory() + "schemactl-dump-" + UUID().uuidString + ".sql"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let pgDump = try ServerBinaries.locate().path("pg_dump")
        let dump = try Subprocess.run(pgDump, ["--schema-only", "--no-owner", "--no-privileges", "--file=" + path,
                                               "--dbname=" + database.connectionString.raw])
        XCTAssertEqual(dump.status, 0, dump.output)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Whatever this pg_dump writes, the \restrict pair is what a newer one adds: make sure it is there.
        if !text.contains("\\restrict ") {
            try ("\\restrict k3y\n" + text + "\n\\unrestrict k3y\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        // On this process's server as a scratch server of its own: the shared embedded server holds other tests' roles.
        let loaded = try ModelLoader(replay: MigrationReplay.onTestServer()).load(.sqlFile(path)).model
        XCTAssertEqual(loaded, try Inspector().inspect(connection))
    }

    func testAnyOtherMetaCommandIsNamedWithItsLine() throws {
        let path = NSTemporaryDirectory() + "schemactl-dump-" + UUID().uuidString + ".sql"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        try "\\restrict k\nCREATE TABLE t (id int);\n\\connect other\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ModelLoader(replay: MigrationReplay.onTestServer()).load(.sqlFile(path))) { error in
            XCTAssertTrue("\(error)".contains(path + ":3:1: error: psql meta-commands are not supported (\\connect)"), "\(error)")
        }
    }
}
