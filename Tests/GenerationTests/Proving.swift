import Diff
import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Release
import Replay
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Shared by the generation suites: models of SQL on the test server, and proofs.
enum Proving {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/migra")
    static let kitchenSink = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IntrospectionTests/Fixtures/kitchen_sink.sql")

    /// Each case folder of migra's corpus.
    static var corpusCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("a.sql").path) }
            .sorted()
    }

    /// `trusted`: replayed as the server's superuser (`--trusted-sql`), for schemas only a
    /// superuser can make (operator classes, base types).
    static func check(trusted: Bool = false) throws -> PlanCheck {
        var replay = try MigrationReplay.onTestServer()
        replay.trustedSQL = trusted
        return PlanCheck(replay: replay)
    }

    /// The plans from the schema `before` makes to the one `after` makes, and back, each proved
    /// on the test server (an issue recorded where one does not hold).
    static func plansBothWays(_ before: String, _ after: String, online: Bool = false, trusted: Bool = false) throws -> [Plan] {
        let old = try TestDatabase.model(after: before), new = try TestDatabase.model(after: after)
        #expect(old != new, "the two schemas differ")
        return try [(old, new), (new, old)].map { source, target in
            let check = try check(trusted: trusted)
            let plan = try check.plan(from: source, to: target, options: PlanOptions(online: online, serverMajor: try ServerFeatures.major()))
            let proof = try check.prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
            return plan
        }
    }

    /// The plan from what `connection`'s database holds now to `target`, for the server's major.
    static func plan(from connection: Connection, to target: DatabaseModel, idempotent: Bool = false) throws -> Plan {
        Planner(from: try Inspector().inspect(connection), to: target,
                options: PlanOptions(idempotent: idempotent, serverMajor: try ServerFeatures.major())).plan()
    }

    /// From here on, each rewrite of a table on `connection`'s database is counted (a `table_rewrite`
    /// event trigger, which fires once per rewrite); `rewrites(on:)` reads the count and stops it.
    static func countRewrites(on connection: Connection) throws {
        try connection.execute("""
            create table rewrites (n int);
            create function count_rewrite() returns event_trigger language plpgsql as $$ begin insert into rewrites values (1); end $$;
            create event trigger counting on table_rewrite execute function count_rewrite();
            """)
    }

    static func rewrites(on connection: Connection) throws -> Int {
        let count = try connection.query("select count(*) from rewrites").rows.first?.values.first.flatMap { $0.flatMap { Int($0) } } ?? -1
        try connection.execute("drop event trigger counting; drop function count_rewrite(); drop table rewrites;")
        return count
    }

    /// The consolidated form of `model`, applied twice to an empty database, gives `model`.
    static func expectScriptRoundTrip(_ model: DatabaseModel, _ label: String, trusted: Bool = false) throws {
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script == SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render(),
                "deterministic")
        let proof = try check(trusted: trusted).proveScript(script, gives: model)
        #expect(proof.holds, "\(label): the script applied twice leaves\n\(DiffRenderer.text(proof.leftover))\n\(script)")
    }

    /// In the schema script of `model`, each pair's first text comes before its second.
    static func expectScriptOrder(_ model: DatabaseModel, _ pairs: [(earlier: String, later: String)]) throws {
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        func position(_ text: String) throws -> String.Index { try #require(script.range(of: text), "\(text) in\n\(script)").lowerBound }
        for (earlier, later) in pairs { #expect(try position(earlier) < position(later), "\(earlier) before \(later)") }
    }

    /// The oracle: `pg_dump -s` of a database built by `sql` and of one built by the
    /// consolidated script of its model (run twice) hold the same statements.
    static func expectDumpsAgree(_ sql: String, _ label: String) throws {
        let original = try TestDatabase.make()
        defer { original.drop() }
        try original.connect().execute(sql)
        try expectDumpsAgree(original, model: try Inspector().inspect(original.connect()), label)
    }

    /// Both round trips of the database `sql` builds: by its model (`expectScriptRoundTrip`)
    /// and by `pg_dump -s` (`expectDumpsAgree`).
    static func expectFileGivesItBack(_ sql: String, _ label: String) throws {
        let original = try TestDatabase.make()
        defer { original.drop() }
        try original.connect().execute(sql)
        let model = try Inspector().inspect(original.connect())
        try expectScriptRoundTrip(model, label)
        try expectDumpsAgree(original, model: model, label)
    }

    /// The oracle on a database that exists, whose model is `model`.
    static func expectDumpsAgree(_ original: ScratchDatabase, model: DatabaseModel, _ label: String) throws {
        let rebuilt = try TestDatabase.make()
        defer { rebuilt.drop() }
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        try rebuilt.connect().execute(script)
        try rebuilt.connect().execute(script)
        // The one thing the model leaves out on purpose: a user mapping's options (they hold passwords, never read).
        let withoutMappingOptions = { (statements: [String]) in
            statements.map { $0.hasPrefix("CREATE USER MAPPING ") ? String($0.prefix { $0 != "\n" }).replacingOccurrences(of: " OPTIONS (", with: "") : $0 }
        }
        // Storage parameters too, in the order they were set: the model keeps the catalog's.
        let (expected, actual) = (withoutMappingOptions(try statements(of: original)), withoutMappingOptions(try statements(of: rebuilt)))
        let missing = expected.filter { !actual.contains($0) }, extra = actual.filter { !expected.contains($0) }
        #expect(missing.isEmpty && extra.isEmpty, "\(label): pg_dump -s differs.\nonly in the source:\n\(missing.joined(separator: "\n"))\nonly in the rebuilt:\n\(extra.joined(separator: "\n"))")
    }

    /// `pg_dump -s` (owners and privileges too) as a sorted list of statements, comments and blank lines left out.
    static func statements(of database: ScratchDatabase) throws -> [String] {
        let text = try SchemaDump.of(database.connectionString, complete: true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("--") }
        return lines.joined(separator: "\n").components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.sorted()
    }

    /// The plan from `old` to `new`, written for the test server's major as the commands write
    /// it for their source's, applied to `old`, gives `new`.
    /// With `renames` (what the edit renamed or moved, confirmed as `--rename` confirms it), the
    /// plan must also lose nothing: a rename keeps the rows.
    static func expectPlanHolds(from old: DatabaseModel, to new: DatabaseModel, _ label: String, trusted: Bool = false,
                                renames: [Rename] = []) throws {
        let check = try check(trusted: trusted)
        let plan = try check.plan(from: old, to: new, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major()))
        if !renames.isEmpty {
            #expect(plan.dataLoss.isEmpty, "\(label): renamed, the plan still loses \(plan.dataLoss)")
        }
        #expect(!plan.isEmpty || SchemaDiff(from: old, to: new).isEmpty, "\(label): a difference with an empty plan")
        let repeated = Dictionary(grouping: plan.statements.map(\.sql), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(label): statements written twice:\n\(repeated.joined(separator: "\n"))")
        let proof = try check.prove(plan, from: old, to: new)
        #expect(proof.holds, "\(label): the plan leaves\n\(DiffRenderer.text(proof.leftover))\nplan:\n\(plan.sql)")
    }

    /// The plan with its middle statement left out, proved on its scope (however large a
    /// share of a small fixture that is) and on the whole source: one verdict. A scope that
    /// left out what the missing statement would have shown would hold where the whole fails.
    static func expectScopedVerdictIsTheWholeSources(from old: DatabaseModel, to new: DatabaseModel, _ label: String) throws {
        var plan = Planner(from: old, to: new).plan()
        guard plan.statements.count >= 2 else { return }
        let removed = plan.statements.remove(at: plan.statements.count / 2)
        guard ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new, largestShare: 1) != nil else { return }
        var onScope = try check(), whole = try check()
        onScope.largestShare = 1
        whole.scoped = false
        let scoped = (try? onScope.prove(plan, from: old, to: new))?.holds ?? false
        let full = (try? whole.prove(plan, from: old, to: new))?.holds ?? false
        #expect(scoped == full, "\(label), without \(removed.sql): on its scope the plan \(scoped ? "holds" : "fails"), on the whole source it \(full ? "holds" : "fails")")
    }
}
