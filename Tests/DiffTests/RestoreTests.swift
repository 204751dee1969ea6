import Diff
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// A database restored from its own `pg_dump -s` is the same schema: the diff
/// says so, even where the server prints an expression differently after the
/// round trip.
final class RestoreTests: XCTestCase {
    func testAnInListOnVarcharReadsTheSameAfterDumpAndRestore() throws {
        let original = try TestDatabase.make()
        defer { original.drop() }
        try original.connect().execute("""
            CREATE TABLE t (v varchar(10), w varchar CHECK (w IN ('x', 'y')),
                            CONSTRAINT t_v_check CHECK (v IN ('a', 'b', 'it''s')));
            CREATE INDEX t_partial ON t (v) WHERE v IN ('a', 'b');
            CREATE VIEW v AS SELECT v FROM t WHERE v::varchar IN ('a', 'b');
            CREATE DOMAIN code AS varchar(3) CHECK (VALUE IN ('abc', 'def'));
            ALTER TABLE t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY p ON t USING (w IN ('x'));
            """)
        let restored = try TestDatabase.make()
        defer { restored.drop() }
        try restored.connect().execute(try SchemaDump.of(original.connectionString))

        let before = try Inspector().inspect(original.connect())
        let after = try Inspector().inspect(restored.connect())
        // The server's own texts differ: this is the quirk, not a mistake of ours...
        let check = { (model: DatabaseModel) in model.table("public", "t")?.constraint("t_v_check")?.definition ?? "" }
        XCTAssertNotEqual(check(before), check(after))
        XCTAssertTrue(check(after).contains("ARRAY[('a'::character varying)::text"), check(after))
        // ...and the diff knows both forms for one expression.
        let diff = SchemaDiff(from: before, to: after)
        XCTAssertTrue(diff.isEmpty, DiffRenderer.text(diff))
        // The restored form is canonical already: a second round trip changes nothing.
        XCTAssertEqual(ExpressionForms.canonical(check(before)), check(after))
    }

    /// A set operation's hidden column, unnamed in the migration's SQL, is printed without a
    /// name; restored from that text, the server names it after its cast. pg_partman's
    /// `table_privs` view is one.
    func testAViewsHiddenColumnNamedOnlyAfterARestoreIsTheSameView() throws {
        let original = try TestDatabase.make()
        defer { original.drop() }
        try original.connect().execute("""
            CREATE TABLE t (a int, b text);
            CREATE VIEW v AS SELECT g.a, g.b FROM (SELECT a, b FROM t UNION ALL SELECT 0::int, 'none') AS g (a, b);
            CREATE VIEW renamed AS SELECT row_to_json(s) AS j FROM (SELECT a, b FROM t) s;
            """)
        let restored = try TestDatabase.make()
        defer { restored.drop() }
        try restored.connect().execute(try SchemaDump.of(original.connectionString))
        try restored.connect().execute("""
            CREATE OR REPLACE VIEW renamed AS SELECT row_to_json(s) AS j FROM (SELECT a AS x, b FROM t) s
            """)

        let before = try Inspector().inspect(original.connect())
        let after = try Inspector().inspect(restored.connect())
        let definition = { (model: DatabaseModel, name: String) in model.views.first { $0.name.name == name }?.definition ?? "" }
        XCTAssertNotEqual(definition(before, "v"), definition(after, "v"))
        let diff = SchemaDiff(from: before, to: after)
        // The hidden name is no change; the renamed column of a row the view returns is one.
        XCTAssertEqual(diff.changes.map(\.id.sql), ["\"public\".\"renamed\""], DiffRenderer.text(diff))
    }
}
