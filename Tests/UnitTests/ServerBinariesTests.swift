import EmbeddedServer
import XCTest

/// `SCHEMACTL_PG_BINDIR` names the server a run must use: CI runs the suite once per major
/// through it, and a run that fell back to another major would pass for the wrong one.
final class ServerBinariesTests: XCTestCase {
    func testANamedFolderWithoutTheServerIsAnErrorNotAFallBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-server-\(UUID().uuidString)").path
        XCTAssertThrowsError(try ServerBinaries.locate(environment: ["SCHEMACTL_PG_BINDIR": folder, "PATH": "/usr/bin:/bin"])) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("SCHEMACTL_PG_BINDIR is \(folder)"), message)
            XCTAssertTrue(message.contains("initdb and postgres"), message)
        }
    }

    func testANamedFolderWithTheServerIsTheOneUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for program in ["initdb", "postgres"] {
            let path = folder.appendingPathComponent(program).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        }
        let found = try ServerBinaries.locate(environment: ["SCHEMACTL_PG_BINDIR": folder.path, "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(found.directory.path, folder.path)
    }
}
