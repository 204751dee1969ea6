@testable import SQLGeneration
import XCTest

/// A foreign table's definition, as the inspection writes it, read into the parts
/// `ForeignTableDDL` changes one by one; and options changed in the order the catalog keeps.
final class ForeignTableDefinitionTests: XCTestCase {
    func testColumnsChecksAndOptionsAreRead() throws {
        let definition = """
            CREATE FOREIGN TABLE "my schema"."T" (id integer NOT NULL, "Full, name" character varying(20) OPTIONS (column_name 'a, b') NOT NULL DEFAULT 'x, (y)'::character varying, \
            "constraint" timestamp with time zone, g integer GENERATED ALWAYS AS ((id * 2)) STORED, \
            CONSTRAINT "c 1" CHECK ((id > 0)), CONSTRAINT c2 CHECK ((g < 10)) NOT VALID) SERVER s OPTIONS (table_name 'x (y)', debug 'true');
            COMMENT ON COLUMN "my schema"."T".id IS 'the id; really';
            GRANT SELECT (id) ON TABLE "my schema"."T" TO app WITH GRANT OPTION;
            """
        let table = try XCTUnwrap(ForeignTableDefinition(definition))
        XCTAssertEqual(table.written, #""my schema"."T""#)
        XCTAssertEqual(table.columns.map(\.name), ["id", "Full, name", "constraint", "g"])
        let name = try XCTUnwrap(table.column("Full, name"))
        XCTAssertEqual(name.type, "character varying(20)")
        XCTAssertEqual(name.options.map(\.value), ["'a, b'"])
        XCTAssertTrue(name.notNull)
        XCTAssertEqual(name.defaultExpression, "'x, (y)'::character varying")
        XCTAssertEqual(table.column("constraint")?.type, "timestamp with time zone")
        XCTAssertEqual(table.column("g")?.generated, "GENERATED ALWAYS AS ((id * 2)) STORED")
        XCTAssertEqual(table.checks.map(\.name), ["c 1", "c2"])
        XCTAssertEqual(table.check("c2"), "CHECK ((g < 10)) NOT VALID")
        XCTAssertEqual(table.words, ["SERVER", "s"])
        XCTAssertEqual(table.options.map(\.key), ["table_name", "debug"])
        let extras = ForeignTableDefinition.Extras(table)
        XCTAssertEqual(Array(extras.comments.keys), [#"COLUMN "my schema"."T".id"#])
        XCTAssertEqual(extras.grants, [#"GRANT SELECT (id) ON TABLE "my schema"."T" TO app"#: true])
        XCTAssertEqual(ForeignTableDefinition.Extras.revoke(#"GRANT SELECT (id) ON TABLE "my schema"."T" TO app"#, grantOptionOnly: true),
                       #"REVOKE GRANT OPTION FOR SELECT (id) ON TABLE "my schema"."T" FROM app"#)
    }

    func testAPartitionHasNoColumnsOfItsOwn() throws {
        let table = try XCTUnwrap(ForeignTableDefinition(
            "CREATE FOREIGN TABLE public.p PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') SERVER s OPTIONS (table_name 'p');"))
        XCTAssertTrue(table.columns.isEmpty)
        XCTAssertEqual(table.words, ["PARTITION", "OF", "public.events", "FOR", "VALUES", "FROM", "('2024-01-01')", "TO", "('2025-01-01')", "SERVER", "s"])
    }

    /// The server appends what it adds: options that stay past the first out of the target's
    /// order are dropped and added again.
    func testOptionsEndInTheTargetsOrder() {
        let changes = { (old: [(String, String)], new: [(String, String)]) in
            OptionedDefinition.changes(from: old.map { (key: $0.0, value: $0.1) }, to: new.map { (key: $0.0, value: $0.1) })
        }
        XCTAssertEqual(changes([("a", "'1'"), ("b", "'2'")], [("a", "'1'"), ("b", "'3'"), ("c", "'4'")]), ["SET b '3'", "ADD c '4'"])
        XCTAssertEqual(changes([("opt2", "'v'"), ("debug", "'t'"), ("tar", "'x'")], [("debug", "'t'"), ("opt2", "'v'"), ("tar", "'y'")]),
                       ["DROP opt2", "DROP debug", "DROP tar", "ADD debug 't'", "ADD opt2 'v'", "ADD tar 'y'"])
        XCTAssertEqual(changes([("a", "'1'"), ("gone", "'2'"), ("b", "'3'")], [("a", "'1'"), ("b", "'3'")]), ["DROP gone"])
        XCTAssertEqual(changes([("a", "'1'")], [("a", "'1'")]), [])
    }
}
