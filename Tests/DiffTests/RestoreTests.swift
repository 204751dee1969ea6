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
}
