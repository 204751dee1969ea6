import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import TestSupport
import XCTest

/// A `pg_dump --schema-only` file is a source: its `\restrict` / `\unrestrict`
/// lines (pg_dump 15.18 and later) are skipped, any other meta-command is named. A whole
/// dump is one too: the rows after each `COPY … FROM stdin` go to that statement, as psql sends them.
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

    func testAWholeDumpWithItsRowsIsASourceAndAMigrationsRowsArrive() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("""
            CREATE TABLE notes (id int PRIMARY KEY, body text, price numeric CHECK (price > 0));
            INSERT INTO notes VALUES (1, E'semi;colon and a back\\\\slash', 1.5), (2, E'two\\nlines -- not a comment', 2),
                                     (3, E'\\\\.', 3), (4, NULL, 4);
            CREATE TABLE tags (note int REFERENCES notes, tag text);
            INSERT INTO tags VALUES (1, 'ré');
            """)
        let path = NSTemporaryDirectory() + "schemactl-dump-" + UUID().uuidString + ".sql"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let pgDump = try ServerBinaries.locate().path("pg_dump")
        let dump = try Subprocess.run(pgDump, ["--no-owner", "--no-privileges", "--file=" + path, "--dbname=" + database.connectionString.raw])
        XCTAssertEqual(dump.status, 0, dump.output)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("FROM stdin;\n1\t"), "a dump with its rows")
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict") }
            .joined(separator: "\n")
        let loaded = try ModelLoader(replay: MigrationReplay.onTestServer()).load(.sqlFile(path)).model
        XCTAssertEqual(loaded, try Inspector().inspect(connection))

        // The same file as a migration: the rows arrive, byte for byte, and what follows each COPY runs.
        let copyDatabase = try TestDatabase.make()
        let copy = try copyDatabase.connect()
        try MigrationRunner().apply([MigrationFile(path: "dump.sql", text: text, expectedVersion: nil)], to: copy, createSchemaVersions: false)
        let rows = try connection.execute("SELECT string_agg(format('%s|%s|%s', id, body, price), ';' ORDER BY id) FROM notes")
        XCTAssertEqual(try copy.execute("SELECT string_agg(format('%s|%s|%s', id, body, price), ';' ORDER BY id) FROM notes").rows[0][0],
                       rows.rows[0][0])
        XCTAssertEqual(try copy.execute("SELECT tag FROM tags").rows[0][0], "ré")
        XCTAssertEqual(try copy.execute("SELECT count(*) FROM pg_constraint WHERE conrelid = 'tags'::regclass AND contype = 'f'").rows[0][0], "1")

        // A row the table refuses: the migration fails at its COPY, by file and line, and nothing stays.
        let bad = "CREATE TABLE kept (n int);\nCOPY kept (n) FROM stdin;\n1\nnot a number\n\\.\nCREATE TABLE after (n int);\n"
        let emptyDatabase = try TestDatabase.make()
        let empty = try emptyDatabase.connect()
        XCTAssertThrowsError(try MigrationRunner().apply([MigrationFile(path: "bad.sql", text: bad, expectedVersion: nil)], to: empty,
                                                         createSchemaVersions: false)) { error in
            XCTAssertTrue("\(error)".contains("bad.sql:2:1"), "\(error)")
            XCTAssertTrue("\(error)".contains("invalid input syntax for type integer"), "\(error)")
        }
        XCTAssertEqual(try empty.execute("SELECT count(*) FROM pg_class WHERE relname IN ('kept', 'after')").rows[0][0], "0")
    }
}
