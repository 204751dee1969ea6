import EmbeddedServer
import Foundation
import PostgresClient
import TestSupport
import XCTest

/// What a person at a terminal sees.
final class TerminalTests: XCTestCase {
    func testTheProgressLineIsClearedBeforeAnError() throws {
        let project = try project([
            "20230101_slow": "SELECT pg_sleep(1.3);",
            "20230102_broken": "SELECT * FROM missing;",
            "20230103_after": "SELECT 1;",
        ])
        // script(1) gives the command a terminal, so the progress line is drawn.
        let scratch = try EmbeddedPostgres.shared().connectionString().raw
        let command = "\(Products.schemactl.path) inspect \(project)/migrations --scratch \"\(scratch.replacingOccurrences(of: "'", with: ""))\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, text)
        XCTAssertTrue(text.contains("[2/3] 20230102_broken"), "no progress line was drawn: \(text.debugDescription)")
        XCTAssertTrue(text.contains("\r\u{1B}[Kschemactl: \(project)/migrations/applied/20230102_broken.sql:4:15: error 42P01"),
                      "the error shares the progress line: \(text.debugDescription)")
    }

    func testAPersistentServerThatCannotBeUsedIsSaidOnceWithItsReason() throws {
        let project = try project(["20230101_one": "CREATE TABLE one (id int);", "20230102_two": "CREATE TABLE two (id int);"])
        // A file where the server's folder would go: the persistent server cannot be made.
        try FileManager.default.createDirectory(atPath: project + "/.schemactl", withIntermediateDirectories: true)
        try "not a folder".write(toFile: project + "/.schemactl/server", atomically: true, encoding: .utf8)
        let run = try CommandRun.schemactl(["inspect", project + "/migrations", "--no-cache", "--format", "text"],
                                           removing: ["SCHEMACTL_SCRATCH_URL"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("table \"public\".\"two\""), run.stdout)
        let warnings = run.stderr.components(separatedBy: "\n").filter { $0.contains("warning: the persistent embedded server") }
        XCTAssertEqual(warnings.count, 1, run.stderr)
        XCTAssertTrue(warnings.first?.contains("cannot be used (") == true, run.stderr)
    }

    private func project(_ files: [String: String]) throws -> String {
        let project = NSTemporaryDirectory() + "schemactl-terminal-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: project) }
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: project + "/migrations/" + folder, withIntermediateDirectories: true)
        }
        for (version, body) in files {
            try "BEGIN;\nINSERT INTO schema_versions (version) VALUES ('\(version)');\n\n\(body)\nCOMMIT;\n"
                .write(toFile: project + "/migrations/applied/\(version).sql", atomically: true, encoding: .utf8)
            let rollback = version.replacingOccurrences(of: "_", with: "_rollback_", options: [], range: version.range(of: "_"))
            try "BEGIN;\nCOMMIT;\n".write(toFile: project + "/migrations/applied/\(rollback).sql", atomically: true, encoding: .utf8)
        }
        return project
    }
}
