import Foundation
import Introspection
import SchemaModel
import TestSupport
import Testing

/// Each file under Fixtures/pairs holds two whole schemas, `-- from` and `-- to`,
/// that differ in a way a plan must work around: a column retyped under what
/// reads it, a function whose signature changes under a default, a type a table
/// is made of. The plan between them is proved both ways, and each schema's
/// consolidated script rebuilds it.
@Suite struct PairFixturePlanTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pairs")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()

    /// The two schemas of a fixture file.
    struct Pair {
        var from = "", to = ""
        /// `-- roles: a, b`: roles the schemas grant to, made on the test server first.
        var roles: [String] = []
        /// `-- trusted`: only a superuser can make the schemas (operator classes, base types), so
        /// the proofs replay as one, as `--trusted-sql` does.
        var trusted = false

        init(contentsOf url: URL) throws {
            var section = ""
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("-- roles: ") {
                    roles += line.dropFirst("-- roles: ".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                } else if line == "-- trusted" {
                    trusted = true
                } else if line == "-- from" || line == "-- to" {
                    section = String(line.dropFirst(3))
                } else if section == "from" {
                    from += line + "\n"
                } else if section == "to" {
                    to += line + "\n"
                }
            }
        }
    }

    @Test func thereAreFixtures() {
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func planHoldsBothWays(_ file: String) throws {
        let pair = try Pair(contentsOf: Self.folder.appendingPathComponent(file))
        #expect(!pair.from.isEmpty && !pair.to.isEmpty, "\(file) has both sections")
        if let reason = try ServerFeatures.missing(for: pair.from + pair.to) {
            try Test.cancel(Comment(rawValue: "skipped: " + reason))
        }
        for role in pair.roles { try TestDatabase.ensureRole(role) }
        let models = try [pair.from, pair.to].map { sql in
            let database = try TestDatabase.make()
            defer { database.drop() }
            let connection = try database.connect()
            try connection.execute(sql)
            return try Inspector().inspect(connection)
        }
        #expect(models[0] != models[1], "\(file): the two schemas differ")
        try Proving.expectScriptRoundTrip(models[0], file + " from", trusted: pair.trusted)
        try Proving.expectScriptRoundTrip(models[1], file + " to", trusted: pair.trusted)
        try Proving.expectPlanHolds(from: models[0], to: models[1], file + " forward", trusted: pair.trusted)
        try Proving.expectPlanHolds(from: models[1], to: models[0], file + " backward", trusted: pair.trusted)
    }
}
