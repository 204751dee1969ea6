import Foundation
import Release
import Replay
import TestSupport
import Testing

/// `verify` compares only what a migration and its rollback name, when their
/// statements say it (`TouchedObjects`): each faulty rollback below is caught on
/// that path, and its correct version passes. The base: a table with a column,
/// a default, a check, an index; each case's migration changes one thing.
@Suite struct VerificationScopeTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var migration: String
        var faulty: String
        var correct: String
        /// A word the finding's details must name.
        var named: String
        var description: String { name }
    }

    static let base = """
        CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT 1, b text, CONSTRAINT t_a_check CHECK (a > 0));
        CREATE INDEX t_b_idx ON t (b);
        """

    static let cases: [Case] = [
        Case(name: "a column left", migration: "ALTER TABLE t ADD COLUMN c int;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "ALTER TABLE t DROP COLUMN IF EXISTS c;", named: "column c"),
        Case(name: "a default restored wrong", migration: "ALTER TABLE t ALTER COLUMN a SET DEFAULT 5;",
             faulty: "ALTER TABLE t ALTER COLUMN a SET DEFAULT 6;", correct: "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1;", named: "default 6"),
        Case(name: "a check put back different", migration: "ALTER TABLE t DROP CONSTRAINT t_a_check;",
             faulty: "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a >= 0);", correct: "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0);",
             named: "t_a_check"),
        Case(name: "a table left", migration: "CREATE TABLE u (id int);", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "DROP TABLE IF EXISTS u;", named: "relation public.u"),
        Case(name: "an index not rebuilt", migration: "DROP INDEX t_b_idx;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "CREATE INDEX t_b_idx ON t (b);", named: "t_b_idx"),
        Case(name: "a grant left", migration: "GRANT SELECT ON t TO PUBLIC;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "REVOKE SELECT ON t FROM PUBLIC;", named: "acl"),
        Case(name: "a function left", migration: "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
             faulty: "DROP TABLE IF EXISTS nothing_here;", correct: "DROP FUNCTION IF EXISTS f();", named: "function public.f()"),
        Case(name: "a type left", migration: "CREATE TYPE mood AS ENUM ('ok', 'sad');", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "DROP TYPE IF EXISTS mood;", named: "type public.mood"),
        Case(name: "a comment left", migration: "COMMENT ON COLUMN t.a IS 'how many';", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "COMMENT ON COLUMN t.a IS NULL;", named: "how many"),
        Case(name: "a trigger left",
             migration: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
                 + "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
             faulty: "DROP TRIGGER IF EXISTS nothing_here ON t;", correct: "DROP TRIGGER IF EXISTS t_touch ON t;\nDROP FUNCTION IF EXISTS touch();",
             named: "t_touch"),
        Case(name: "a rename not undone", migration: "ALTER TABLE t RENAME COLUMN b TO body;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "ALTER TABLE t RENAME COLUMN body TO b;", named: "body"),
        Case(name: "a view left", migration: "CREATE VIEW v AS SELECT id FROM t;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "DROP VIEW IF EXISTS v;", named: "relation public.v"),
        Case(name: "a schema left", migration: "CREATE SCHEMA reporting;", faulty: "DROP TABLE IF EXISTS nothing_here;",
             correct: "DROP SCHEMA IF EXISTS reporting;", named: "schema reporting"),
    ]

    @Test(arguments: cases)
    func aFaultyRollbackIsCaughtOnTheScopedPath(_ example: Case) throws {
        #expect(TouchedObjects([example.migration, example.faulty]).everything == false, "the case takes the scoped path")
        let faulty = try Self.verify(example.migration, rollback: example.faulty)
        let finding = try #require(faulty.findings.first, "caught")
        #expect(finding.message.contains("does not restore the schema from before 20240102_change"), "\(finding.message)")
        #expect(finding.details?.contains(example.named) == true, "\(finding.details ?? "")")

        let correct = try Self.verify(example.migration, rollback: example.correct)
        #expect(correct.findings.isEmpty, "\(correct.findings)")
        #expect(correct.checked == 2)
    }

    @Test func statementsWhoseReachIsUnknownCompareEverything() {
        #expect(TouchedObjects(["DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;"]).everything)
        #expect(TouchedObjects(["DROP TABLE t CASCADE;"]).everything)
        #expect(TouchedObjects(["SELECT make_things();"]).everything)
        #expect(TouchedObjects(["CREATE EXTENSION hstore;"]).everything)
        let read = TouchedObjects(["BEGIN; DROP TABLE IF EXISTS a, s.b; CREATE INDEX ON ONLY c (x); COMMENT ON COLUMN d.e IS 'x'; "
                                   + "GRANT SELECT ON e, f TO app; DROP FUNCTION g(int, text), h(); COMMIT;"])
        #expect(read.everything == false)
        #expect(read.relations == ["a", "b", "c", "d", "e", "f"])
        #expect(read.functions == ["g", "h"])
    }

    static func verify(_ migration: String, rollback: String) throws -> (findings: [Verification.Finding], checked: Int) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schemactl-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        func write(_ folder: String, _ name: String, _ text: String) throws {
            try text.write(toFile: "\(root)/\(folder)/\(name).sql", atomically: true, encoding: .utf8)
        }
        func wrapped(_ version: String, _ body: String) -> String {
            "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('\(version)', 't');\n\(body)\nCOMMIT;\n"
        }
        func marked(_ version: String, _ body: String) -> String {
            "BEGIN;\nUPDATE schema_versions SET is_active = FALSE, rolled_back_at = now() WHERE version = '\(version)';\n\(body)\nCOMMIT;\n"
        }
        try write("pending", "20240101_base", wrapped("20240101_base", base))
        try write("pending", "20240101_rollback_base", marked("20240101_base", "DROP TABLE IF EXISTS t;"))
        try write("pending", "20240102_change", wrapped("20240102_change", migration))
        try write("pending", "20240102_rollback_change", marked("20240102_change", rollback))
        return try Verification(replay: .onTestServer()).run(directory: root)
    }
}
