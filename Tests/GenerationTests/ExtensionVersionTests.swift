import Introspection
import Release
import Replay
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An extension whose version changes along no update path the server has: most extensions
/// ship no script back to an older version, so the rollback of a migration that upgraded one
/// could not be planned (`ALTER EXTENSION … UPDATE TO` failed with "no update path").
@Suite struct ExtensionVersionTests {
    static let uses = """
        create table docs (id int primary key, body text);
        create index docs_trigrams on docs using gin (body gin_trgm_ops);
        create view close_docs as select id, similarity(body, 'schema') as score from docs;
        """

    @Test func aDowngradeWithoutAPathRemakesTheExtensionAndWhatUsesIt() throws {
        if let reason = try ServerFeatures.missing(for: "create extension pg_trgm;") { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let newer = try TestDatabase.model(after: "create extension pg_trgm version '1.6';" + Self.uses)
        let older = try TestDatabase.model(after: "create extension pg_trgm version '1.5';" + Self.uses)
        let remade = try Proving.check().replay.extensionsWithoutUpdatePath(from: newer, to: older)
        #expect(remade == ["pg_trgm"])
        #expect(try Proving.check().replay.extensionsWithoutUpdatePath(from: older, to: newer) == [])
        var options = PlanOptions(serverMajor: try ServerFeatures.major())
        options.extensionsRemade = remade
        let plan = Planner(from: newer, to: older, options: options).plan()
        let sql = plan.statements.map(\.sql)
        #expect(sql.contains(#"DROP EXTENSION IF EXISTS "pg_trgm";"#), "\(plan.sql)")
        #expect(!sql.contains { $0.contains("UPDATE TO") }, "\(plan.sql)")
        let proof = try Proving.check().prove(plan, from: newer, to: older)
        #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
    }

    /// Privileges on the extension's members other than those it gave them: one on a member the
    /// older version has not (`gtrgm_options`, from 1.5) is given back before the extension
    /// goes (after it, there is no such function to grant on); one on a member both versions have
    /// is set again on the member made again.
    @Test func privilegesOnMembersOutliveTheRemake() throws {
        if let reason = try ServerFeatures.missing(for: "create extension pg_trgm;") { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let kept = "revoke execute on function similarity(text, text) from public;"
        let newer = try TestDatabase.model(after: "create extension pg_trgm version '1.5';" + Self.uses + kept
                                           + "revoke execute on function gtrgm_options(internal) from public;")
        let older = try TestDatabase.model(after: "create extension pg_trgm version '1.4';" + Self.uses + kept)
        var options = PlanOptions(serverMajor: try ServerFeatures.major())
        options.extensionsRemade = try Proving.check().replay.extensionsWithoutUpdatePath(from: newer, to: older)
        #expect(options.extensionsRemade == ["pg_trgm"])
        let plan = Planner(from: newer, to: older, options: options).plan()
        let sql = plan.statements.map(\.sql)
        let given = sql.firstIndex { $0.hasPrefix("GRANT EXECUTE ON FUNCTION public.gtrgm_options(internal) TO PUBLIC") }
        let dropped = sql.firstIndex(of: #"DROP EXTENSION IF EXISTS "pg_trgm";"#)
        #expect(given != nil && dropped != nil && given! < dropped!, "\(plan.sql)")
        let proof = try Proving.check().prove(plan, from: newer, to: older)
        #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
    }

    /// Default privileges in place when the plan updates or makes the extension again: its
    /// script's new members would take them (`gtrgm_options` without PUBLIC's EXECUTE), where the
    /// target made the extension before them. They are undone around the extension's change.
    @Test func defaultPrivilegesDoNotReachTheMembersAnUpdateMakes() throws {
        if let reason = try ServerFeatures.missing(for: "create extension pg_trgm;") { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let hardened = "alter default privileges revoke execute on functions from public;"
        let older = try TestDatabase.model(after: hardened + "create extension pg_trgm version '1.4';" + Self.uses)
        let newer = try TestDatabase.model(after: "create extension pg_trgm version '1.5';" + Self.uses + hardened)
        for (from, to) in [(older, newer), (newer, older)] {
            var options = PlanOptions(serverMajor: try ServerFeatures.major())
            options.extensionsRemade = try Proving.check().replay.extensionsWithoutUpdatePath(from: from, to: to)
            let plan = Planner(from: from, to: to, options: options).plan()
            let proof = try Proving.check().prove(plan, from: from, to: to)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
        }
    }

    /// A column of the extension's type would go with `DROP EXTENSION`: the extension is not made
    /// again, and the update the plan writes fails with the server's words, naming the plan.
    @Test func aDowngradeATableNeedsIsLeftToTheServersRefusal() throws {
        if let reason = try ServerFeatures.missing(for: "create extension citext;") { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let uses = "create table people (id int primary key, email citext);"
        let newer = try TestDatabase.model(after: "create extension citext version '1.6';" + uses)
        let older = try TestDatabase.model(after: "create extension citext version '1.5';" + uses)
        var options = PlanOptions(serverMajor: try ServerFeatures.major())
        options.extensionsRemade = try Proving.check().replay.extensionsWithoutUpdatePath(from: newer, to: older)
        #expect(options.extensionsRemade == ["citext"])
        let plan = Planner(from: newer, to: older, options: options).plan()
        #expect(plan.statements.map(\.sql) == [#"ALTER EXTENSION "citext" UPDATE TO '1.5';"#], "\(plan.sql)")
        #expect(throws: (any Error).self) { try Proving.check().prove(plan, from: newer, to: older, label: "the reverse plan") }
        do {
            _ = try Proving.check().prove(plan, from: newer, to: older, label: "the reverse plan")
        } catch {
            #expect("\(error)".contains("(the reverse plan):1:1") && "\(error)".contains("no update path"), "\(error)")
        }
    }

    /// Nor is one another extension requires (earthdistance needs cube): dropping it would take
    /// that extension, which the plan does not make again.
    @Test func aDowngradeAnotherExtensionNeedsIsLeftToTheServersRefusal() throws {
        let sql = "create extension cube version '1.5'; create extension earthdistance;"
        if let reason = try ServerFeatures.missing(for: sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let newer = try TestDatabase.model(after: sql)
        let older = try TestDatabase.model(after: sql.replacingOccurrences(of: "'1.5'", with: "'1.4'"))
        var options = PlanOptions(serverMajor: try ServerFeatures.major())
        options.extensionsRemade = try Proving.check().replay.extensionsWithoutUpdatePath(from: newer, to: older)
        #expect(options.extensionsRemade == ["cube"])
        let plan = Planner(from: newer, to: older, options: options).plan()
        #expect(plan.statements.map(\.sql) == [#"ALTER EXTENSION "cube" UPDATE TO '1.4';"#], "\(plan.sql)")
    }
}
