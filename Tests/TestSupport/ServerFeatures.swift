import EmbeddedServer
import Foundation
import PostgresClient

/// What the test process's server can do, for the tests that need more than
/// PostgreSQL itself: the wheels that bring 16 and 18 to CI carry few contrib
/// extensions (16: plpgsql and vector only; 18: no pgcrypto, no uuid-ossp) and
/// no ICU. A test that needs what the server lacks is skipped there, with a
/// message naming it; nothing else is skipped.
public enum ServerFeatures {
    private static let probed: Result<(major: Int, extensions: Set<String>, icu: Bool), Error> = Result {
        let connection = try Connection(EmbeddedPostgres.shared().connectionString())
        let extensions = Set(try connection.query("SELECT name FROM pg_catalog.pg_available_extensions").rows.map { try $0.string("name") })
        // Whether ICU works here: a build without it still lists the `unicode` collation (18), so try one.
        let icu = (try? connection.execute("""
            DO $$ BEGIN CREATE COLLATION pg_catalog.schemactl_icu_probe (provider = icu, locale = 'und');
                        DROP COLLATION pg_catalog.schemactl_icu_probe; END $$
            """)) != nil
        return (connection.serverVersionNumber / 10000, extensions, icu)
    }

    /// The server's major version.
    public static func major() throws -> Int { try probed.get().major }

    /// Whether the server can create the extension `name`.
    public static func has(extension name: String) throws -> Bool { try probed.get().extensions.contains(name) }

    /// The extensions `sql` creates (`CREATE EXTENSION [IF NOT EXISTS] name`).
    public static func extensions(createdBy sql: String) -> [String] {
        let pattern = #"(?i)create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([A-Za-z0-9_\-]+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)).compactMap { match in
            for group in [1, 2] { if let range = Range(match.range(at: group), in: sql) { return String(sql[range]) } }
            return nil
        }
    }

    /// Why `sql` cannot run on this server (an extension it lacks, ICU collations, its major), or nil.
    public static func missing(for sql: String) throws -> String? {
        let server = try probed.get()
        let lacking = extensions(createdBy: sql).filter { !server.extensions.contains($0) }
        if !lacking.isEmpty {
            return "PostgreSQL \(server.major) here lacks the extension\(lacking.count == 1 ? "" : "s") \(lacking.joined(separator: ", "))"
        }
        // `-- before PostgreSQL 18`: a fixture of what newer majors refuse.
        if let range = sql.range(of: #"-- before PostgreSQL [0-9]+"#, options: .regularExpression),
           let limit = sql[range].split(separator: " ").last.flatMap({ Int($0) }), server.major >= limit {
            return "PostgreSQL \(server.major) here; the fixture is of majors before \(limit)"
        }
        // `-- needs PostgreSQL 16`: a fixture of what older majors refuse; `… 16 only`, of what
        // newer ones refuse too.
        if let range = sql.range(of: #"-- needs PostgreSQL [0-9]+( only)?"#, options: .regularExpression) {
            let words = sql[range].split(separator: " ")
            let only = words.last == "only", needed = Int(words[only ? words.count - 2 : words.count - 1]) ?? 0
            if server.major < needed || (only && server.major != needed) {
                return "PostgreSQL \(server.major) here; the fixture needs \(needed)\(only ? " only" : "")"
            }
        }
        if !server.icu, sql.range(of: #"provider\s*=\s*'?icu"#, options: [.regularExpression, .caseInsensitive]) != nil {
            return "PostgreSQL \(server.major) here was built without ICU collations"
        }
        return nil
    }

    /// The same for every file of a migrations directory.
    public static func missing(forMigrationsIn directory: String) throws -> String? {
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".sql") } ?? []
        let text = try files.map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
        return try missing(for: text)
    }
}

import XCTest

extension XCTestCase {
    /// Skips the test, naming what is missing, when the server cannot run `sql`.
    public func requireServer(toRun sql: String) throws {
        if let reason = try ServerFeatures.missing(for: sql) { throw XCTSkip(reason) }
    }

    /// Skips the test when the server cannot run the migrations of `directory` (the CRM needs uuid-ossp and pgcrypto).
    public func requireServer(toReplay directory: String) throws {
        if let reason = try ServerFeatures.missing(forMigrationsIn: directory) { throw XCTSkip(reason) }
    }
}
