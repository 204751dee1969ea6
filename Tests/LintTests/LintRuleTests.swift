import Foundation
import Lint
import Replay
import TestSupport
import Testing

/// Each rule fires on a small history and stays quiet once the migration is
/// written as the rule asks. The history: a base migration (users, orders with
/// an indexed foreign key, a view over orders and a materialized view over that,
/// a function with an index and a materialized view over it), then the
/// migration under test.
@Suite struct LintRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        var rule: String
        var change: String
        var rollback: String? = "DROP TABLE IF EXISTS nothing;"
        var fixedChange: String? = nil
        var fixedRollback: String? = nil
        /// The body is written as is, without the guide's BEGIN, INSERT and COMMIT.
        var raw = false
        /// Where the finding must be: the line in the migration (or rollback), 1-based.
        var line: Int? = nil
        var description: String { rule }
    }

    static let base = """
        CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
        CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
                             total numeric(10,2), note varchar(20));
        CREATE INDEX orders_user_id_idx ON orders (user_id);
        CREATE VIEW order_totals AS SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;
        CREATE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT lower(t)';
        CREATE INDEX users_email_norm ON users (norm(email));
        CREATE MATERIALIZED VIEW user_norms AS SELECT id, norm(email) AS n FROM users;
        CREATE MATERIALIZED VIEW top_totals AS SELECT user_id FROM order_totals WHERE total > 100;
        """

    static let cases: [Case] = [
        Case(rule: "missing-rollback", change: "CREATE TABLE tags (id int);", rollback: nil,
             fixedRollback: "DROP TABLE IF EXISTS tags;", line: 1),
        Case(rule: "no-transaction",
             change: "INSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');\nCREATE TABLE tags (id int);",
             fixedChange: "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');\nCREATE TABLE tags (id int);\nCOMMIT;",
             raw: true, line: 1),
        Case(rule: "version-not-recorded",
             change: "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('20240199_copied', 'copied');\nCREATE TABLE tags (id int);\nCOMMIT;",
             fixedChange: "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');\nCREATE TABLE tags (id int);\nCOMMIT;",
             raw: true, line: 2),
        Case(rule: "rollback-not-marked", change: "CREATE TABLE tags (id int);", rollback: "BEGIN;\nDROP TABLE IF EXISTS tags;\nCOMMIT;",
             fixedRollback: "DROP TABLE IF EXISTS tags;", line: 1),
        Case(rule: "multiple-changes", change: "CREATE TABLE tags (id int);\nCREATE TABLE invoices (id int);",
             fixedChange: "CREATE TABLE tags (id int PRIMARY KEY);\nCREATE TABLE tag_links (tag_id int REFERENCES tags (id));\nCREATE INDEX ON tag_links (tag_id);",
             line: 5),
        Case(rule: "jsonb-without-comment", change: "ALTER TABLE users ADD COLUMN preferences jsonb;",
             fixedChange: "ALTER TABLE users ADD COLUMN preferences jsonb;\nCOMMENT ON COLUMN users.preferences IS '{\"theme\": \"dark\" | \"light\"}';",
             line: 4),
        Case(rule: "index-not-concurrently", change: "CREATE INDEX users_email_idx ON users (email);",
             fixedChange: "-- schemactl:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
                 + "INSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');",
             line: 4),
        Case(rule: "not-null-without-default", change: "ALTER TABLE users ADD COLUMN status text NOT NULL;",
             fixedChange: "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';", line: 4),
        Case(rule: "foreign-key-without-index", change: "CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));",
             fixedChange: "CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\n"
                 + "CREATE INDEX payments_order_id_idx ON payments (order_id);", line: 4),
        // Widening a varchar rewrites nothing: the planner says so, and the rule asks the planner.
        Case(rule: "column-type-rewrite", change: "ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;",
             fixedChange: "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);", line: 4),
        // The table is rewritten, but by the column added beside the widening (add-column-rewrite's).
        Case(rule: "column-type-rewrite", change: "ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;",
             fixedChange: "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40), ADD COLUMN token uuid DEFAULT gen_random_uuid();", line: 4),
        // A constant default is kept in the catalog; a volatile one is written into every row.
        Case(rule: "add-column-rewrite", change: "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
             fixedChange: "ALTER TABLE orders ADD COLUMN placed timestamptz DEFAULT now();", line: 4),
        Case(rule: "constraint-without-not-valid", change: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
             fixedChange: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;", line: 4),
        Case(rule: "drop-without-if-exists", change: "CREATE TABLE tags (id int);", rollback: "DROP TABLE tags;",
             fixedRollback: "DROP TABLE IF EXISTS tags;", line: 4),
        Case(rule: "rename-used-by-view", change: "ALTER TABLE orders RENAME COLUMN total TO amount;",
             fixedChange: "ALTER TABLE orders RENAME COLUMN note TO remark;", line: 4),
        Case(rule: "key-without-concurrent-index", change: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
             fixedChange: "-- schemactl:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n"
                 + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;\n"
                 + "INSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');",
             line: 4),
        Case(rule: "drop-index-not-concurrently", change: "DROP INDEX orders_user_id_idx;",
             rollback: "CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id);",
             fixedChange: "-- schemactl:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS orders_user_id_idx;\n"
                 + "INSERT INTO schema_versions (version, description) VALUES ('20240102_change', 'c');",
             line: 4),
        // The index over the function keeps the old results unless the migration builds it again,
        // and the materialized view that calls it its old rows unless it refreshes it.
        Case(rule: "stale-stored-results", change: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';",
             fixedChange: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';\n"
                 + "DROP INDEX users_email_norm;\nCREATE INDEX users_email_norm ON users (norm(email));\nREFRESH MATERIALIZED VIEW user_norms;",
             line: 4),
        Case(rule: "stale-stored-results", change: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';\n"
                 + "DROP INDEX users_email_norm;\nCREATE INDEX users_email_norm ON users (norm(email));",
             fixedChange: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';\n"
                 + "DROP INDEX users_email_norm;\nCREATE INDEX users_email_norm ON users (norm(email));\nREFRESH MATERIALIZED VIEW user_norms;",
             line: 4),
        // So does the rollback that puts the old function back.
        Case(rule: "stale-stored-results", change: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';\n"
                 + "DROP INDEX users_email_norm;\nCREATE INDEX users_email_norm ON users (norm(email));\nREFRESH MATERIALIZED VIEW user_norms;",
             rollback: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT lower(t)';",
             fixedRollback: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT lower(t)';\n"
                 + "REINDEX TABLE users;\nREFRESH MATERIALIZED VIEW user_norms;", line: 4),
        // A view given another query leaves the materialized view over it with the old rows.
        Case(rule: "stale-stored-results",
             change: "CREATE OR REPLACE VIEW order_totals AS SELECT user_id, sum(total) AS total FROM orders WHERE total > 0 GROUP BY user_id;",
             fixedChange: "CREATE OR REPLACE VIEW order_totals AS SELECT user_id, sum(total) AS total FROM orders WHERE total > 0 GROUP BY user_id;\n"
                 + "REFRESH MATERIALIZED VIEW top_totals;", line: 4),
        // A new cost gives the same results: nothing to build again.
        Case(rule: "stale-stored-results", change: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT upper(t)';",
             fixedChange: "CREATE OR REPLACE FUNCTION norm(t text) RETURNS text IMMUTABLE LANGUAGE sql COST 5 AS 'SELECT lower(t)';", line: 4),
    ]

    @Test func everyRuleHasACase() {
        let covered = Set(Self.cases.map(\.rule)).union(["extension-function-before-extension"])
        #expect(covered == Set(Linter.rules.map(\.id)))
    }

    @Test(arguments: cases)
    func firesAndStaysQuietOnTheFixedVersion(_ example: Case) throws {
        let fired = try Self.lint(change: example.change, rollback: example.rollback, raw: example.raw)
        let hits = fired.findings.filter { $0.rule == example.rule }
        #expect(hits.count == 1, "\(fired.findings)")
        if let line = example.line { #expect(hits.first?.line == line, "\(hits)") }
        #expect(fired.failure == nil)

        let fixed = try Self.lint(change: example.fixedChange ?? example.change, rollback: example.fixedRollback ?? example.rollback,
                                  raw: example.raw || example.fixedChange?.hasPrefix("-- schemactl:no-transaction") == true)
        #expect(fixed.findings.filter { $0.rule == example.rule }.isEmpty, "\(fixed.findings)")
        #expect(fixed.failure == nil)
    }

    /// The rule reads the server's own extension scripts; each server of CI carries a different set.
    @Test func anExtensionsFunctionBeforeTheExtensionIsNamed() throws {
        let candidates = [("uuid-ossp", "uuid_generate_v4()"), ("hstore", "hstore('a', 'b')"), ("vector", "l2_distance('[1]'::vector, '[2]'::vector)")]
        guard let (name, call) = try candidates.first(where: { try ServerFeatures.missing(for: "CREATE EXTENSION \"\($0.0)\"") == nil }) else {
            try Test.cancel("skipped: this server lacks the extensions uuid-ossp, hstore and vector")
        }
        let fired = try Self.lint(change: "CREATE VIEW generated AS SELECT \(call) AS value;", rollback: "DROP VIEW IF EXISTS generated;")
        let hit = try #require(fired.findings.first { $0.rule == "extension-function-before-extension" })
        #expect(hit.message.contains(name) && hit.line == 4 && hit.column == 33, "\(hit)")
        // The replay fails there too, and says so; the rules still ran on the migration.
        #expect(fired.failure != nil)

        let fixed = try Self.lint(change: "CREATE EXTENSION IF NOT EXISTS \"\(name)\";\nCREATE VIEW generated AS SELECT \(call) AS value;",
                                  rollback: "DROP VIEW IF EXISTS generated;")
        #expect(fixed.findings.isEmpty && fixed.failure == nil, "\(fixed.findings) \(String(describing: fixed.failure))")
    }

    @Test func anIgnoreCommentSilencesTheStatementBelowIt() throws {
        let ignored = try Self.lint(change: "-- schemactl:ignore index-not-concurrently\nCREATE INDEX users_email_idx ON users (email);\n"
                                    + "CREATE INDEX orders_note_idx ON orders (note);", rollback: "DROP INDEX IF EXISTS users_email_idx;")
        let hits = ignored.findings.filter { $0.rule == "index-not-concurrently" }
        #expect(hits.map(\.line) == [6], "only the second index: \(hits)")

        let wholeFile = try Self.lint(change: "-- schemactl:ignore-file index-not-concurrently\nCREATE INDEX users_email_idx ON users (email);\n"
                                      + "CREATE INDEX orders_note_idx ON orders (note);", rollback: "DROP INDEX IF EXISTS users_email_idx;")
        #expect(wholeFile.findings.filter { $0.rule == "index-not-concurrently" }.isEmpty)
    }

    @Test func aTableCreatedInTheSameMigrationIsNotExisting() throws {
        let result = try Self.lint(change: "CREATE TABLE tags (id int, name text);\nCREATE INDEX tags_name_idx ON tags (name);\n"
                                   + "ALTER TABLE tags ADD COLUMN owner text NOT NULL;",
                                   rollback: "DROP TABLE IF EXISTS tags;")
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func ignoresFromTheSettingsFileApplyToTheirVersionOnly() throws {
        let result = try Self.lint(change: "CREATE INDEX users_email_idx ON users (email);", rollback: "DROP INDEX IF EXISTS users_email_idx;",
                                   ignored: ["20240102_change": ["index-not-concurrently"]])
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    // MARK: The history

    static func lint(change: String, rollback: String?, raw: Bool = false, ignored: [String: Set<String>] = [:]) throws -> LintRun.Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schemactl-lint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try wrapped("20240101_base", base).write(toFile: root + "/archive/20240101_base.sql", atomically: true, encoding: .utf8)
        try marked("20240101_base", "DROP MATERIALIZED VIEW IF EXISTS user_norms, top_totals;\nDROP VIEW IF EXISTS order_totals;\nDROP TABLE IF EXISTS orders;\nDROP TABLE IF EXISTS users;")
            .write(toFile: root + "/archive/20240101_rollback_base.sql", atomically: true, encoding: .utf8)
        let changePath = root + "/pending/20240102_change.sql"
        try (raw ? change : wrapped("20240102_change", change)).write(toFile: changePath, atomically: true, encoding: .utf8)
        if let rollback {
            let text = rollback.hasPrefix("BEGIN;") ? rollback : marked("20240102_change", rollback)
            try text.write(toFile: root + "/pending/20240102_rollback_change.sql", atomically: true, encoding: .utf8)
        }
        return try LintRun(replay: .onTestServer(), ignored: ignored).run(directory: root, paths: [changePath])
    }

    /// The guide's migration: lines 1–2 open it, so the body starts on line 4.
    static func wrapped(_ version: String, _ body: String) -> String {
        "BEGIN;\nINSERT INTO schema_versions (version, description) VALUES ('\(version)', 'test');\n\n\(body)\nCOMMIT;\n"
    }

    /// The guide's rollback: the body starts on line 4.
    static func marked(_ version: String, _ body: String) -> String {
        "BEGIN;\nUPDATE schema_versions SET is_active = FALSE, rolled_back_at = now() WHERE version = '\(version)';\n\n\(body)\nCOMMIT;\n"
    }
}
