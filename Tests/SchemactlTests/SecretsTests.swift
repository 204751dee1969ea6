import Foundation
import Support
import TestSupport
import XCTest

/// A planted password never reaches any output, however malformed the string around it.
final class SecretsTests: XCTestCase {
    static let password = "Pl4ntedS3cret"

    /// Connection strings libpq rejects, or accepts and then fails to reach, each holding the password.
    static let malformed: [String] = [
        "postgres://u:\(password)%zz@127.0.0.1:1/db",          // bad percent-encoding: libpq quotes the token
        "postgres://u:\(password)@[::1/db",                    // unclosed IPv6 bracket: libpq quotes the URL
        "postgres://u:\(password)@127.0.0.1:notaport/db",
        "postgresql://u:\(password)@127.0.0.1:1/db?sslmode=bogus",
        "postgresql://u@127.0.0.1:1/db?password=\(password)&sslmode=bogus",
        "postgresql://u@127.0.0.1:1/db?password=\(password)&nosuchoption=1",
        "postgres://u:\(password)@127.0.0.1:1/db",             // well formed, refused
        "postgres://u:\(password)@/db?host=/nonexistent",
        "postgres://u:p@ss:\(password)@127.0.0.1:1/db",         // @ and : inside the password
        "postgres://u:\(password)%40x@127.0.0.1:1/db",
        "host=127.0.0.1 port=1 password=\(password) sslmode=bogus",
        "host=127.0.0.1 port=1 password='\(password) with space",
        "host=127.0.0.1 port=1 password = \(password) dbname",
        "host=127.0.0.1 port=1 password=\(password) nosuchkey=1",
        "password=\(password)",
    ]

    func testNoOutputStreamSnapshotOrCacheHoldsThePassword() throws {
        let folder = NSTemporaryDirectory() + "schemactl-secrets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        // Each connection string in a folder of its own (its schemactl.toml names it), the
        // strings on every core at once (`parallelResults`): 180 runs of the tool, one after
        // the other, took 16 s.
        let outcomes = Array(Self.malformed.indices).parallelResults { index -> [(connection: String, arguments: [String], run: CommandRun)] in
            let connection = Self.malformed[index]
            let own = folder + "/\(index)"
            try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
            let escaped = connection.replacingOccurrences(of: "\"", with: "\\\"")
            try "[environments.inline]\nurl = \"\(escaped)\"\n[environments.triple]\nurl = \"\"\"\(connection)\"\"\"\n[environments.variable]\nurl_env = \"SECRET_URL\"\n"
                .write(toFile: own + "/schemactl.toml", atomically: true, encoding: .utf8)
            let runs: [[String]] = [
                ["inspect", connection], ["inspect", connection, "--format", "text"],
                ["diff", connection, connection], ["diff", connection, connection, "--format", "json"],
                ["snapshot", connection, "--name", "s", "--snapshots", own + "/snapshots"],
                ["status", "--migrations", own, "--database", connection],
                ["drift", connection], ["drift", connection, "--format", "json"],
                ["drift", "inline"], ["drift", "triple"], ["drift", "variable"], ["drift"],
            ]
            return try runs.map { arguments in
                // Only where the command needs them: the password must not be masked merely for being in our environment.
                let needsVariables = arguments == ["drift", "variable"] || arguments == ["drift"]
                let run = try CommandRun.schemactl(arguments, in: own,
                                                   environment: needsVariables ? ["SECRET_URL": connection, "DATABASE_URL": connection] : [:],
                                                   removing: ["DATABASE_URL", "PGPASSWORD"])
                return (connection, arguments, run)
            }
        }
        let failures = zip(Self.malformed, outcomes).compactMap { connection, outcome -> String? in
            if case let .failure(error) = outcome { return "\(connection): \(error)" } else { return nil }
        }
        let runs = outcomes.compactMap { try? $0.get() }.joined()
        XCTAssertEqual(failures, [])
        for (connection, arguments, run) in runs {
            XCTAssertNotEqual(run.status, 0, "\(arguments) succeeded")
            XCTAssertFalse(run.stdout.contains(Self.password), "stdout of \(arguments.prefix(1)) with \(connection): \(run.stdout)")
            XCTAssertFalse(run.stderr.contains(Self.password), "stderr of \(arguments.prefix(1)) with \(connection): \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments): no error message")
        }
        let tried = runs.count
        XCTAssertEqual(tried, Self.malformed.count * 12)
        // Nor anything written: snapshots, cache entries.
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
            if file.hasSuffix("schemactl.toml") { continue }
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(Self.password), "\(file) holds the password")
        }
    }
}
