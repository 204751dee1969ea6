import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Security labels of every kind of object are held as `SECURITY LABEL` statements.
/// A label needs its provider's module loaded to be set with that statement; this
/// machine has none to load (sepgsql needs SELinux), so the tests write the rows a
/// provider would write into `pg_seclabel` directly.
@Suite struct SecurityLabelTests {
    static let sql = """
        CREATE SCHEMA "Secret Things";
        CREATE TABLE "Secret Things".accounts (id int, "pass word" text);
        CREATE FUNCTION check_pass(text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
        INSERT INTO pg_catalog.pg_seclabel VALUES
            ('"Secret Things".accounts'::regclass, 'pg_class'::regclass, 0, 'dummy', 'classified'),
            ('"Secret Things".accounts'::regclass, 'pg_class'::regclass, 2, 'dummy', 'top secret'),
            ('check_pass(text)'::regprocedure, 'pg_proc'::regclass, 0, 'dummy', 'it''s public'),
            ((SELECT oid FROM pg_namespace WHERE nspname = 'Secret Things'), 'pg_namespace'::regclass, 0, 'dummy', 'classified');
        """

    @Test func eachLabelIsReadAsTheStatementThatSetsIt() throws {
        let model = try TestDatabase.model(after: Self.sql)
        #expect(model.unmodelled == [], "the census finds nothing")
        let labels = model.definedObjects.filter { $0.kind == .securityLabel }.map(\.definition)
        #expect(labels == [
            #"SECURITY LABEL FOR dummy ON COLUMN "Secret Things".accounts."pass word" IS 'top secret';"#,
            #"SECURITY LABEL FOR dummy ON FUNCTION public.check_pass(pg_catalog.text) IS 'it''s public';"#,
            #"SECURITY LABEL FOR dummy ON SCHEMA "Secret Things" IS 'classified';"#,
            #"SECURITY LABEL FOR dummy ON TABLE "Secret Things".accounts IS 'classified';"#,
        ], "\(labels)")

        // A changed label is a difference; the plan sets it, and a removed one is set to NULL.
        let relabelled = try TestDatabase.model(after: Self.sql.replacingOccurrences(of: "'top secret'", with: "'secret'"))
        let diff = SchemaDiff(from: model, to: relabelled)
        #expect(diff.changes.map(\.id.kind) == [.securityLabel], "\(DiffRenderer.text(diff, colour: false))")
        let plan = Planner(from: model, to: relabelled).plan().sql
        #expect(plan.contains(#"SECURITY LABEL FOR dummy ON COLUMN "Secret Things".accounts."pass word" IS 'secret';"#), "\(plan)")
        let unlabelled = try TestDatabase.model(after: Self.sql.components(separatedBy: "INSERT INTO")[0])
        let removal = Planner(from: model, to: unlabelled).plan().sql
        #expect(removal.contains(#"SECURITY LABEL FOR dummy ON TABLE "Secret Things".accounts IS NULL;"#), "\(removal)")

        // In a script, after the objects they label.
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        let create = try #require(script.range(of: "CREATE TABLE IF NOT EXISTS \"Secret Things\".\"accounts\""))
        let label = try #require(script.range(of: "SECURITY LABEL FOR dummy ON TABLE"))
        #expect(create.lowerBound < label.lowerBound)
    }
}
