import EmbeddedServer
import Foundation
import Migrations
import PostgresClient
import TestSupport
import XCTest

/// `archive`, the release step: it refuses what an environment lacks, and a run
/// killed at any step leaves no file missing or in two folders, and is finished
/// by the next run.
final class ArchiveCommandTests: XCTestCase {
    private func scratch() throws -> [String: String] {
        ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
    }

    /// A project folder with a copy of the CRM migrations and an environments file naming `database`.
    private func project(environment database: ScratchDatabase) throws -> String {
        let folder = (try copyOfMigrations("archive") as NSString).deletingLastPathComponent
        try "[environments.production]\nurl = \"\(database.connectionString.raw)\"\nproduction = true\n"
            .write(toFile: folder + "/schemactl.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Every migration file of the directory, by name, with the folders it is in.
    private func placement(_ migrations: String) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for folder in ["archive", "applied", "pending"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: migrations + "/" + folder)) ?? [] where name.hasSuffix(".sql") {
                found[name, default: []].append(folder)
            }
        }
        return found
    }

    private func archive(_ folder: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CommandRun {
        try CommandRun.schemactl(["archive", "--env", "production", "--migrations", "migrations", "--environments", "schemactl.toml",
                                  "--snapshots", "snapshots"] + extra, in: folder, environment: try scratch().merging(environment) { $1 })
    }

    func testArchiveRefusesWhatAnEnvironmentLacksAndOtherwiseMovesChecksAndSnapshots() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let database = try TestDatabase.make()
        defer { database.drop() }
        let folder = try project(environment: database)
        let before = placement(folder + "/migrations")
        // The database has the archive but not applied/ yet.
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        try connection.execute("INSERT INTO schema_versions (version) SELECT unnest(ARRAY['20230105_enable_extensions', '20230315_create_notes'])")
        let refused = try archive(folder)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("environment production does not have 20230512_add_ringcentral_tokens"), refused.stderr)
        XCTAssertEqual(placement(folder + "/migrations"), before, "nothing moved")

        try connection.execute("DROP TABLE schema_versions")
        let baseline = try CommandRun.schemactl(["apply", "--baseline", "--env", "production", "--migrations", "migrations", "--to",
                                                 "20230805_add_deal_stage_history"], in: folder)
        XCTAssertEqual(baseline.status, 0, baseline.stderr)
        let dry = try archive(folder, ["--dry-run"])
        XCTAssertTrue(dry.stdout.contains("would archive 8 migrations"), dry.stdout)
        XCTAssertEqual(placement(folder + "/migrations"), before)
        let done = try archive(folder)
        XCTAssertEqual(done.status, 0, done.stderr)
        let after = placement(folder + "/migrations")
        XCTAssertEqual(after.filter { $0.value == ["applied"] }, [:], "applied/ is empty")
        XCTAssertEqual(after.values.filter { $0.count != 1 }, [], "every file in exactly one folder")
        XCTAssertEqual(Set(after.keys), Set(before.keys), "no file lost")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/snapshots/release-20230805_add_deal_stage_history.json"))
        let check = try CommandRun.schemactl(["consolidate", "--check", "--migrations", "migrations"], in: folder, environment: try scratch())
        XCTAssertEqual(check.status, 0, "the consolidated schema is current: " + check.stdout + check.stderr)
        let status = try CommandRun.schemactl(["status", "--migrations", "migrations", "--database", database.connectionString.raw], in: folder)
        XCTAssertEqual(status.status, 0, status.stdout)
    }

    func testAnArchiveKilledAtEachStepLosesNothingAndTheNextRunFinishesIt() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let database = try TestDatabase.make()
        defer { database.drop() }
        var consistent = 0
        // 8 pairs to move, then the consolidated file, then the snapshot: 10 kill points.
        for stop in 0..<10 {
            let folder = try project(environment: database)
            if stop == 0 {
                let baseline = try CommandRun.schemactl(["apply", "--baseline", "--env", "production", "--migrations", "migrations", "--to",
                                                         "20230805_add_deal_stage_history"], in: folder)
                XCTAssertEqual(baseline.status, 0, baseline.stderr)
            }
            let before = placement(folder + "/migrations")
            let killed = try archive(folder, environment: ["SCHEMACTL_ARCHIVE_STOP_AFTER": String(stop)])
            XCTAssertEqual(killed.status, 137, "kill point \(stop): \(killed.stderr)")
            // Beside `migrations`, given relative: not in `/.schemactl` (its text has no parent).
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/.schemactl/archive-journal"), "kill point \(stop): the journal")
            let halfway = placement(folder + "/migrations")
            XCTAssertEqual(Set(halfway.keys), Set(before.keys), "kill point \(stop): a file went missing")
            XCTAssertEqual(halfway.values.filter { $0.count != 1 }, [], "kill point \(stop): a file in two folders")
            let finished = try archive(folder)
            XCTAssertEqual(finished.status, 0, "kill point \(stop): \(finished.stderr)")
            XCTAssertTrue(finished.stderr.contains("finishing an archive a previous run left half done"), finished.stderr)
            let after = placement(folder + "/migrations")
            let check = try CommandRun.schemactl(["consolidate", "--check", "--migrations", "migrations"], in: folder, environment: try scratch())
            if after.filter({ $0.value == ["applied"] }).isEmpty, Set(after.keys) == Set(before.keys), check.status == 0,
               FileManager.default.fileExists(atPath: folder + "/snapshots/release-20230805_add_deal_stage_history.json") {
                consistent += 1
            }
        }
        XCTAssertEqual(consistent, 10, "kill points that left the directory consistent once the next run finished")
    }
}
