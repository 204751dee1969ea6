import EmbeddedServer
import Foundation
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

final class DiffCommandTests: XCTestCase {
    func testEqualDatabasesExitZeroWithNothingPrinted() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        for database in [a, b] { try database.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text)") }
        let run = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testADifferenceExitsOneAndIsShownInEachFormat() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        try a.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text)")
        try b.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text NOT NULL); CREATE INDEX t_email ON t (email)")
        let text = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("~ column \"public\".\"t\".\"email\"\n    not null: false → true\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("+ index \"t_email\" on \"public\".\"t\"\n    definition: CREATE INDEX t_email ON public.t USING btree (email)\n"),
                      text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")

        let json = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["changes"] as? [Any])?.count, 2)

        let markdown = try CommandRun.schemactl(["diff", a.connectionString.raw, b.connectionString.raw, "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| ~ | column `\"public\".\"t\".\"email\"` | not null | `false` | `true` |"), markdown.stdout)
    }

    func testADatabaseAgainstTheMigrationsItShouldMatch() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let fixture = projectRoot + "/Tests/ReplayTests/Fixtures/history/migrations"
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_versions (
              id SERIAL PRIMARY KEY, version TEXT NOT NULL UNIQUE, applied_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
              description TEXT, is_active BOOLEAN DEFAULT TRUE, rolled_back_at TIMESTAMP WITH TIME ZONE);
            CREATE TABLE contacts (id int PRIMARY KEY, email text);
            CREATE INDEX idx_contacts_email ON contacts (email);
            """)
        // Replays on this process's server, not a persistent one beside the fixture.
        let scratch = ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
        let same = try CommandRun.schemactl(["diff", fixture, database.connectionString.raw, "--no-cache"], environment: scratch)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        try connection.execute("CREATE INDEX by_hand ON contacts (id, email)")
        let drifted = try CommandRun.schemactl(["diff", fixture, database.connectionString.raw, "--no-cache"], environment: scratch)
        XCTAssertEqual(drifted.status, 1)
        XCTAssertTrue(drifted.stdout.contains("+ index \"by_hand\" on \"public\".\"contacts\""), drifted.stdout)
    }

    /// Each side grants to a role no file creates: each replay makes the role, and the embedded
    /// server, its cluster changed, is reset once both are done, not when the first one is (which
    /// cut the other's connection: "server closed the connection unexpectedly"), nor does the second
    /// CREATE ROLE of the same name fail on pg_authid's unique index.
    func testTwoSidesThatMakeTheSameMissingRoleAtOnceBothReplay() throws {
        let folder = NSTemporaryDirectory() + "schemactl-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let grant = "CREATE TABLE t (id int);\nGRANT SELECT ON t TO missing_reader;\n"
        // The other side is longer, so it is still replaying when the first one ends.
        let more = (1...300).map { "CREATE TABLE t\($0) (id int PRIMARY KEY, note text);\n" }.joined()
        try grant.write(toFile: folder + "/a.sql", atomically: true, encoding: .utf8)
        try (grant + more + "GRANT INSERT ON t TO missing_reader;\n").write(toFile: folder + "/b.sql", atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            // Its own embedded server, as a user's run has.
            let run = try CommandRun.schemactl(["diff", folder + "/a.sql", folder + "/b.sql", "--format", "sql"],
                                               removing: ["SCHEMACTL_SCRATCH_URL"])
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stdout.contains("GRANT INSERT ON TABLE \"public\".\"t\" TO \"missing_reader\";"), run.stdout + run.stderr)
            XCTAssertFalse(run.stderr.contains("server closed the connection"), run.stderr)
        }
    }

    /// Two live databases diffed again with nothing changed: their models come from the cache and
    /// the same plan between them is not proved twice; --no-cache reads and proves again.
    func testTheSamePlanBetweenTwoUnchangedDatabasesIsProvedOnce() throws {
        let a = try TestDatabase.make(), b = try TestDatabase.make()
        try a.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text)")
        try b.connect().execute("CREATE TABLE t (id int PRIMARY KEY, email text NOT NULL); CREATE INDEX t_email ON t (email)")
        let folder = NSTemporaryDirectory() + "schemactl-cache-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["diff", a.connectionString.raw, b.connectionString.raw, "--format", "sql"]
        let first = try CommandRun.schemactl(arguments, environment: ["SCHEMACTL_CACHE_DIR": folder])
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertTrue(first.stdout.contains("SET NOT NULL"), first.stdout)
        XCTAssertFalse(first.stderr.contains("proved before"), first.stderr)
        // Role names are part of a catalog's stamp, and other tests make roles on this server meanwhile: a few tries.
        var remembered = false
        for _ in 0..<4 where !remembered {
            let again = try CommandRun.schemactl(arguments, environment: ["SCHEMACTL_CACHE_DIR": folder])
            XCTAssertEqual(again.status, 1, again.stderr)
            XCTAssertEqual(again.stdout, first.stdout)
            remembered = again.stderr.contains("the forward plan was proved before, between the same two catalogs")
        }
        XCTAssertTrue(remembered, "the proof was never remembered")
        let uncached = try CommandRun.schemactl(arguments + ["--no-cache"], environment: ["SCHEMACTL_CACHE_DIR": folder])
        XCTAssertEqual(uncached.stdout, first.stdout)
        XCTAssertFalse(uncached.stderr.contains("proved before"), uncached.stderr)
        // A change to one side is a new catalog: read again, and a new plan.
        try b.connect().execute("ALTER TABLE t ADD COLUMN note text")
        let changed = try CommandRun.schemactl(arguments, environment: ["SCHEMACTL_CACHE_DIR": folder])
        XCTAssertTrue(changed.stdout.contains("ADD COLUMN \"note\""), changed.stdout)
        XCTAssertFalse(changed.stderr.contains("proved before"), changed.stderr)
    }

    /// `a.b=new` names a table `a.b` or a column `b` of `public.a`: a typo is told as both.
    func testARenameOfNothingNamesWhatItLookedFor() throws {
        let folder = NSTemporaryDirectory() + "schemactl-rename-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try "CREATE TABLE contacts (id int);\n".write(toFile: folder + "/a.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE people (id int);\n".write(toFile: folder + "/b.sql", atomically: true, encoding: .utf8)
        let run = try CommandRun.schemactl(["diff", folder + "/a.sql", folder + "/b.sql", "--format", "sql", "--rename", "public.contact=people"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains(#"--rename public.contact=people: there is no table "public"."contact", nor a table "public"."public" with a column "contact""#),
                      run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testSidesFromDifferentMajorVersionsGetAWarning() throws {
        let folder = NSTemporaryDirectory() + "schemactl-versions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        var model = DatabaseModel()
        model.schemas = [Namespace(name: "public")]
        for (name, version) in [("old", 150004), ("new", 160002), ("same", 150010)] {
            let snapshot = Snapshot(header: .init(serverVersion: version, seconds: 0, source: name, takenAt: "2026-11-25T00:00:00Z"),
                                    model: model)
            try snapshot.encoded().write(to: URL(fileURLWithPath: "\(folder)/\(name).json"))
        }
        let across = try CommandRun.schemactl(["diff", folder + "/old.json", folder + "/new.json"])
        XCTAssertEqual(across.status, 0, across.stderr)
        XCTAssertTrue(across.stderr.contains("warning: the two sides come from PostgreSQL 15 and 16"), across.stderr)
        let within = try CommandRun.schemactl(["diff", folder + "/old.json", folder + "/same.json"])
        XCTAssertEqual(within.status, 0, within.stderr)
        XCTAssertEqual(within.stderr, "", "minor versions of one major are not worth a warning")
    }

    func testSidesFromTwoMajorsNameThePropertiesThatMayDifferForThatReason() throws {
        let database = try TestDatabase.make()
        try database.connect().execute("CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t")
        let folder = NSTemporaryDirectory() + "schemactl-majors-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let url = database.connectionString.replacingDatabase(with: database.name).raw
        XCTAssertEqual(try CommandRun.schemactl(["snapshot", url, "--name", "other", "--snapshots", folder]).status, 0)
        // The same model, as if read from another major.
        let path = folder + "/other.json"
        var snapshot = try Snapshot.decode(Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        snapshot.header.serverVersion = snapshot.header.serverVersion / 10000 == 16 ? 150_000 : 160_002
        try snapshot.encoded().write(to: URL(fileURLWithPath: path))
        let run = try CommandRun.schemactl(["diff", path, url])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stderr.contains("warning: the two sides come from PostgreSQL"), run.stderr)
        XCTAssertTrue(run.stderr.contains("a view's definition (16 and later write a single-table view's columns without the table name)"), run.stderr)
    }
}
