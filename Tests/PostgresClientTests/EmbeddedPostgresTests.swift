import EmbeddedServer
import Foundation
import PostgresClient
import TestSupport
import XCTest

final class EmbeddedPostgresTests: XCTestCase {
    func testItStartsAnswersAndLeavesNothingBehind() throws {
        let server = try EmbeddedPostgres.start()
        let folder = server.folder.path
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/.s.PGSQL.\(server.port)"))
        XCTAssertGreaterThan(server.startupDuration, .zero)
        let connection = try Connection(server.connectionString())
        let row = try XCTUnwrap(connection.query("SELECT current_setting('listen_addresses') AS listen, current_setting('fsync') AS fsync").rows.first)
        XCTAssertEqual(try row.string("listen"), "")
        XCTAssertEqual(try row.string("fsync"), "off")
        connection.close()
        server.stop()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
    }

    func testItsFolderIsPrivate() throws {
        let server = try EmbeddedPostgres.start()
        defer { server.stop() }
        let attributes = try FileManager.default.attributesOfItem(atPath: server.folder.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        if geteuid() == 0 {
            XCTAssertEqual(attributes[.ownerAccountName] as? String, "postgres")
        }
    }

    func testTwoServersInOneProcessDoNotCollide() throws {
        let first = try EmbeddedPostgres.start()
        let second = try EmbeddedPostgres.start()
        defer { first.stop(); second.stop() }
        XCTAssertNotEqual(first.folder, second.folder)
        try Connection(first.connectionString()).execute("CREATE DATABASE only_on_first")
        let names = { (server: EmbeddedPostgres) in
            try Connection(server.connectionString()).query("SELECT datname FROM pg_database ORDER BY 1").rows.map { try $0.string("datname") }
        }
        XCTAssertTrue(try names(first).contains("only_on_first"))
        XCTAssertFalse(try names(second).contains("only_on_first"))
    }

    func testSIGTERMStopsTheServerAndDeletesItsFolder() throws {
        try assertSignalCleansUp(SIGTERM)
    }

    func testSIGINTStopsTheServerAndDeletesItsFolder() throws {
        try assertSignalCleansUp(SIGINT)
    }

    /// Runs `schemactl scratch-server` in a child process, signals it, and checks nothing is left.
    private func assertSignalCleansUp(_ signalNumber: Int32) throws {
        let run = try ScratchServerRun.start()
        let (process, folder, line) = (run.process, run.folder, run.connectionString)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder))
        XCTAssertNoThrow(try Connection(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(process.processIdentifier, signalNumber)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return XCTFail("schemactl did not exit on signal \(signalNumber)")
        }
        // The command line ends as shells report a signal: 128 + its number, after cleaning up.
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 128 + signalNumber)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "\(folder) is still there")
    }
}
