import EmbeddedServer
import Foundation
import PostgresClient
import TestSupport
import XCTest

final class HelpTests: XCTestCase {
    static let subcommands = ["status", "new", "inspect", "snapshot", "diff", "drift", "scratch-server"]

    func testHelpWorksForTheRootAndEverySubcommand() throws {
        var invocations: [[String]] = [["--help"], ["-h"], ["help"], []]
        for command in Self.subcommands {
            invocations += [[command, "--help"], [command, "-h"], ["help", command]]
        }
        for arguments in invocations {
            let run = try CommandRun.schemactl(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("USAGE: schemactl"), "\(arguments): \(run.stdout)")
            for leak in ["CommandError", "ArgumentParser.", "helpRequested", "schemactl.Schemactl"] {
                XCTAssertFalse((run.stdout + run.stderr).contains(leak), "\(arguments) shows \(leak)")
            }
        }
    }

    func testVersionAndCompletionScripts() throws {
        let version = try CommandRun.schemactl(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
        for shell in ["bash", "zsh", "fish"] {
            let run = try CommandRun.schemactl(["--generate-completion-script", shell])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("drift"), "\(shell): \(run.stdout.prefix(200))")
        }
    }
}

final class SignalTests: XCTestCase {
    /// Interrupt points, in seconds after start: before the server starts, during
    /// initdb and start-up, during the replay, during a long statement.
    static let points: [(Int32, Double)] = [(SIGINT, 0.02), (SIGINT, 0.3), (SIGINT, 0.8), (SIGTERM, 1.5), (SIGINT, 3.0), (SIGTERM, 4.0)]

    func testAnInterruptStopsTheServerRemovesItsFolderAndExitsWithTheSignalsCode() throws {
        for (number, after) in Self.points {
            let project = try slowProject()
            let before = try serverFolders()
            let run = try CommandRun.schemactl(["inspect", project + "/migrations", "--no-cache"],
                                               removing: ["SCHEMACTL_SCRATCH_URL"], signal: (number, after))
            let point = "signal \(number) after \(after) s"
            // 20 ms after the spawn the dynamic loader may still be loading Foundation: a signal that comes
            // before any code of ours can run ends the process by its default action (the shell reports 130
            // for it too). Then nothing has started: what must hold is that nothing is left.
            if let signal = run.killedBy {
                XCTAssertEqual(signal, number, "\(point): \(run.stderr)")
                XCTAssertLessThan(after, 0.1, "\(point): only a signal in the first milliseconds may come before the handler")
                XCTAssertEqual(try serverFolders(leftBy: run, since: before), [], "\(point): a server folder was left")
                XCTAssertEqual(processes(mentioning: project), [], "\(point): a process of the run is left")
                continue
            }
            XCTAssertEqual(run.status, 128 + number, "\(point): \(run.stderr)")
            XCTAssertEqual(run.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1, "\(point): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(number == SIGINT ? "interrupted" : "terminated"), "\(point): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("abnormally"), "\(point): \(run.stderr)")
            XCTAssertEqual(try serverFolders(leftBy: run, since: before), [], "\(point): a server folder was left")
            XCTAssertFalse(FileManager.default.fileExists(atPath: project + "/.schemactl/server/data/postmaster.pid"),
                           "\(point): the persistent server still runs")
            XCTAssertEqual(processes(mentioning: project), [], "\(point): a process of the run is left")
        }
    }

    func testAnInterruptDropsTheScratchDatabaseMadeOnAScratchServer() throws {
        let server = try EmbeddedPostgres.shared().connectionString()
        let project = try slowProject()
        let run = try CommandRun.schemactl(["inspect", project + "/migrations", "--scratch", server.raw],
                                           signal: (SIGINT, 1.0))
        XCTAssertEqual(run.status, 130, run.stderr)
        let left = try Connection(server).query("SELECT datname FROM pg_database WHERE datname LIKE 'schemactl\\_scratch\\_%'").rows
        XCTAssertEqual(left.count, 0, "the scratch database was left on the server")
    }

    func testAServerOrphanedByAKilledRunIsStoppedByTheNextRun() throws {
        let server = try ScratchServerRun.start()
        let (process, folder) = (server.process, server.folder)
        kill(process.processIdentifier, SIGKILL)
        // Not waitUntilExit: Foundation's reaping of a SIGKILLed child can hang; a zombie is dead enough.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, processes(mentioning: "scratch-server").contains(process.processIdentifier),
              (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8))?.contains(") Z ") != true {
            usleep(20_000)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder), "the killed run's server should still be there")
        XCTAssertNotEqual(processes(mentioning: folder), [])

        // Any run that starts an embedded server sweeps it.
        let sql = NSTemporaryDirectory() + "schemactl-orphan-" + UUID().uuidString + ".sql"
        try "CREATE TABLE t (id int);".write(toFile: sql, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: sql) }
        let run = try CommandRun.schemactl(["inspect", sql, "--format", "text"], removing: ["SCHEMACTL_SCRATCH_URL"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the orphan's folder is still there")
        XCTAssertEqual(processes(mentioning: folder), [], "the orphaned server still runs")
    }

    func testAScratchDatabaseLeftByAKilledRunIsDroppedByTheNext() throws {
        let server = try EmbeddedPostgres.shared().connectionString()
        let admin = try Connection(server)
        // What a killed run leaves: a scratch database whose advisory lock nobody holds.
        try admin.execute("CREATE DATABASE schemactl_scratch_abandoned0001")
        // A database a live run holds is never taken.
        let live = try ScratchDatabase(on: server)
        defer { live.drop() }
        // The next run: another process, making its scratch database on the same server.
        let folder = NSTemporaryDirectory() + "schemactl-next-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try "CREATE TABLE t (id int);".write(toFile: folder + "/schema.sql", atomically: true, encoding: .utf8)
        let run = try CommandRun.schemactl(["inspect", folder + "/schema.sql", "--format", "text"], in: folder,
                                           environment: ["SCHEMACTL_SCRATCH_URL": server.raw])
        XCTAssertEqual(run.status, 0, run.stderr)
        let names = try admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'schemactl\\_scratch\\_%'").rows
            .map { try $0.string("datname") }
        XCTAssertFalse(names.contains("schemactl_scratch_abandoned0001"))
        XCTAssertTrue(names.contains(live.name), "the live run's database was taken")
    }

    // MARK: helpers

    /// A project whose one migration sleeps long enough to be interrupted in the middle.
    private func slowProject() throws -> String {
        let project = NSTemporaryDirectory() + "schemactl-signal-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: project) }
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: project + "/migrations/" + folder, withIntermediateDirectories: true)
        }
        try "BEGIN;\nINSERT INTO schema_versions (version) VALUES ('20230101_slow');\nSELECT pg_sleep(30);\nCOMMIT;\n"
            .write(toFile: project + "/migrations/applied/20230101_slow.sql", atomically: true, encoding: .utf8)
        try "BEGIN;\nCOMMIT;\n".write(toFile: project + "/migrations/applied/20230101_rollback_slow.sql", atomically: true, encoding: .utf8)
        return project
    }

    /// The embedded servers' folders (`schemactl-` and mkdtemp's six characters), not the projects these tests make.
    private func serverFolders() throws -> Set<String> {
        Set(["/dev/shm", "/tmp"].flatMap { root in
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
                .filter { $0.wholeMatch(of: /schemactl-[A-Za-z0-9]{6}/) != nil }.map { root + "/" + $0 }
        })
    }

    /// The server folders made since `before` that are `run`'s: its pid heads the folder's `owner`
    /// file, or the folder has none (a run killed between making the folder and writing the file).
    /// Another process's folders (a test run of another major beside this one, a benchmark) are not
    /// this run's to remove: a folder that has no owner file yet is looked at again a moment later.
    private func serverFolders(leftBy run: CommandRun, since before: Set<String>) throws -> Set<String> {
        func owner(_ folder: String) -> Int32? {
            (try? String(contentsOfFile: folder + "/owner", encoding: .utf8)).flatMap { Int32($0.prefix { $0 != " " }) }
        }
        var candidates = try serverFolders().subtracting(before).filter { owner($0) == nil || owner($0) == run.pid }
        if candidates.contains(where: { owner($0) == nil }) {
            usleep(200_000)
            candidates = candidates.filter { FileManager.default.fileExists(atPath: $0) && (owner($0) == nil || owner($0) == run.pid) }
        }
        return candidates
    }

    /// Pids of processes whose command line mentions `text`.
    private func processes(mentioning text: String) -> [Int32] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return pids.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
