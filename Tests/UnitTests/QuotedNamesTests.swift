import SQLGeneration
import SchemaModel
import Synthetic
import XCTest

/// The random history's names written as names that must be quoted, the same way wherever
/// they appear, and the names the server derives from them with them.
final class QuotedNamesTests: XCTestCase {
    let dot = QuotedNames(separator: ".")

    func testANameIsChangedByItsPartsAsTheServerDerivesNames() {
        XCTAssertEqual(dot.name("t3"), "T.3")
        XCTAssertEqual(dot.name("t3_c4_fkey"), "T.3_C.4_fkey", "a foreign key's name the server derives from its table and column")
        XCTAssertEqual(dot.name("_t3"), "_T.3", "the row type's array")
        XCTAssertEqual(QuotedNames(separator: " ").name("ix12"), "IX 12")
        for kept in ["id", "int4", "float8", "public", "rh_reader", "t3x", "pkey1", "t"] { XCTAssertEqual(dot.name(kept), kept, kept) }
    }

    func testStatementsStringConstantsAndBodiesAreRewrittenAlike() {
        XCTAssertEqual(dot.sql("ALTER TABLE s1.t3 ALTER COLUMN c4 SET DEFAULT nextval('s1.sq5'::regclass)"),
                       #"ALTER TABLE "S.1"."T.3" ALTER COLUMN "C.4" SET DEFAULT nextval('"S.1"."SQ.5"'::regclass)"#)
        XCTAssertEqual(dot.sql("CREATE FUNCTION f6() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.c4 := 'it''s'; RETURN NEW; END $$"),
                       #"CREATE FUNCTION "F.6"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."C.4" := 'it''s'; RETURN NEW; END $$"#)
        XCTAssertEqual(dot.sql("ALTER TYPE e7 ADD VALUE 'l8' BEFORE 'a'"), #"ALTER TYPE "E.7" ADD VALUE '"L.8"' BEFORE 'a'"#)
    }

    func testRenamesNameWhatTheStatementsName() {
        let renames = dot.renames([Rename(table: QualifiedName(schema: "s1", name: "t3"), newName: "t9", newSchema: "public"),
                                   Rename(table: QualifiedName(schema: "public", name: "e7"), column: "l8", newName: "l10", enumValue: true)])
        XCTAssertEqual(renames, [Rename(table: QualifiedName(schema: "S.1", name: "T.3"), newName: "T.9", newSchema: "public"),
                                 Rename(table: QualifiedName(schema: "public", name: "E.7"), column: #""L.8""#, newName: #""L.10""#, enumValue: true)])
    }
}
