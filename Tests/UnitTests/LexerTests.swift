import Migrations
import SQLText
import XCTest

final class LexerTests: XCTestCase {
    func testDollarQuotedBodiesKeepTheirSemicolons() throws {
        let statements = try SQLLexer(fixture("lexer/dollar_quotes.sql")).statements()
        XCTAssertEqual(statements.count, 3)
        XCTAssertTrue(statements[0].text.hasPrefix("CREATE FUNCTION f()"))
        XCTAssertTrue(statements[0].text.hasSuffix("$$"))
        XCTAssertTrue(statements[1].text.contains("$$nested; dollar$$ || ';'"))
        XCTAssertTrue(statements[1].text.hasSuffix("$fn$"))
        XCTAssertEqual(statements[2].text, "SELECT $1, price$ FROM t")
        XCTAssertEqual(statements[0].leadingWords.prefix(2), ["CREATE", "FUNCTION"])
    }

    func testCommentsStringsAndQuotedIdentifiersHideSemicolons() throws {
        let statements = try SQLLexer(fixture("lexer/comments_and_strings.sql")).statements()
        XCTAssertEqual(statements.map(\.text), [
            "SELECT 'it''s; fine', E'back\\'slash; still string', \"quoted;identifier\" FROM \"weird\"\"table;\"",
            "SELECT e'\\\\'",
            "SELECT U&'d\\0061t\\+000061;' AS unicode_escape",
        ])
    }

    func testAFileWithoutAFinalNewlineKeepsItsLastStatement() throws {
        let statements = try SQLLexer(fixture("lexer/no_final_newline.sql")).statements()
        XCTAssertEqual(statements.map(\.text), ["CREATE TABLE a (id int)", "CREATE TABLE b (id int)"])
    }

    func testABeginAtomicBodyIsOneStatement() throws {
        let statements = try SQLLexer(fixture("lexer/atomic_body.sql")).statements()
        XCTAssertEqual(statements.count, 2)
        XCTAssertTrue(statements[0].text.hasSuffix("END"))
        XCTAssertEqual(statements[1].text, "CREATE TABLE after_function (id int)")
    }

    func testByteRangesPointBackIntoTheFile() throws {
        let text = "-- café\nSELECT 'ü';\n  SELECT 2;"
        let statements = try SQLLexer(text).statements()
        let bytes = Array(text.utf8)
        for statement in statements {
            XCTAssertEqual(String(decoding: bytes[statement.byteRange], as: UTF8.self), statement.text)
        }
        let index = LineIndex(text)
        XCTAssertEqual(index.location(ofByte: statements[1].byteRange.lowerBound), SourceLocation(line: 3, column: 3))
    }

    func testOffsetsMapToLineAndColumnCountingCharacters() {
        let text = "SELECT 'é';\n\tSELEC 2;\nlast line"
        let index = LineIndex(text)
        XCTAssertEqual(index.location(ofByte: 0), SourceLocation(line: 1, column: 1))
        // "é" is two bytes but one column: the closing quote is column 10.
        XCTAssertEqual(index.location(ofByte: 10), SourceLocation(line: 1, column: 10))
        // PostgreSQL positions count characters from 1: "SELEC" is the 14th.
        XCTAssertEqual(index.location(ofPostgresPosition: 14), SourceLocation(line: 2, column: 2))
        XCTAssertEqual(index.text(ofLine: 2), "\tSELEC 2;")
        XCTAssertEqual(index.location(ofByte: 1_000), SourceLocation(line: 3, column: 10))
    }

    func testTheOuterTransactionIsFound() throws {
        let wrapped = try SQLLexer("-- Migration\nBEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n").outerTransaction()
        XCTAssertEqual(wrapped?.begin.text, "BEGIN")
        XCTAssertEqual(wrapped?.commit.text, "COMMIT")
        XCTAssertNotNil(try SQLLexer("START TRANSACTION; SELECT 1; END;").outerTransaction())
        XCTAssertNil(try SQLLexer("CREATE TABLE t (id int);").outerTransaction())
        XCTAssertNil(try SQLLexer("BEGIN; CREATE TABLE t (id int); ROLLBACK;").outerTransaction())
    }

    func testUnterminatedConstructsAreErrorsWithTheirLocation() {
        let cases: [(String, SQLLexerError.Kind, SourceLocation)] = [
            ("SELECT 1;\nSELECT 'open", .string, SourceLocation(line: 2, column: 8)),
            ("SELECT \"open", .quotedIdentifier, SourceLocation(line: 1, column: 8)),
            ("/* a /* b */ c", .blockComment, SourceLocation(line: 1, column: 1)),
            ("CREATE FUNCTION f() AS $body$ x $$ y", .dollarQuote, SourceLocation(line: 1, column: 24)),
        ]
        for (text, kind, location) in cases {
            XCTAssertThrowsError(try SQLLexer(text).statements(), text) { error in
                XCTAssertEqual(error as? SQLLexerError, SQLLexerError(kind: kind, location: location))
            }
        }
    }
    func testTheRowsAfterACopyFromStdinAreItsDataNotStatements() throws {
        let text = "CREATE TABLE t (a text, b int);\nCOPY public.t (a, b) FROM stdin;\nsemi;colon\t1\n"
            + "back\\\\slash 'quote' $$\t2\n\\.\nSELECT 'after';\ncopy t from STDIN;\nré\t3\n"
        let lexer = SQLLexer(text)
        let statements = try lexer.statements()
        XCTAssertEqual(statements.map(\.text), ["CREATE TABLE t (a text, b int)", "COPY public.t (a, b) FROM stdin",
                                                "SELECT 'after'", "copy t from STDIN"])
        XCTAssertEqual(lexer.copyData(of: statements[1]), "semi;colon\t1\nback\\\\slash 'quote' $$\t2\n")
        // No `\.`: the rows run to the end of the file, as psql reads them.
        XCTAssertEqual(lexer.copyData(of: statements[3]), "ré\t3\n")
        XCTAssertNil(lexer.copyData(of: statements[0]))
        // What the server is sent: every row blank, and every line and character where it was.
        let blanked = lexer.textWithoutCopyData(statements)
        XCTAssertEqual(blanked.unicodeScalars.count, text.unicodeScalars.count)
        XCTAssertEqual(blanked.split(separator: "\n", omittingEmptySubsequences: false).map(\.count),
                       text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count))
        XCTAssertFalse(blanked.contains("semi") || blanked.contains("\\.") || blanked.contains("ré"))
        XCTAssertTrue(blanked.contains("COPY public.t (a, b) FROM stdin;\n"))
        // A COPY to the client, or from a file, has no rows in the file.
        let out = try SQLLexer("COPY t TO STDOUT;\nCOPY t FROM '/tmp/x';\nSELECT 1;").statements()
        XCTAssertEqual(out.map(\.text), ["COPY t TO STDOUT", "COPY t FROM '/tmp/x'", "SELECT 1"])
        XCTAssertTrue(out.allSatisfy { $0.copyData == nil })
        // A comment may follow on the COPY's line; a statement there would run after the rows in psql.
        XCTAssertEqual(try SQLLexer("COPY t FROM stdin; -- rows\n1\n\\.\n").statements().count, 1)
        XCTAssertThrowsError(try SQLLexer("COPY t FROM stdin; SELECT 1;\n1\n\\.\n").statements()) { error in
            XCTAssertEqual(error as? SQLLexerError, SQLLexerError(kind: .afterCopy, location: SourceLocation(line: 1, column: 20)))
        }
    }
}

func fixture(_ path: String) throws -> String {
    try String(contentsOf: fixtureURL(path), encoding: .utf8)
}

func fixtureURL(_ path: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(path)

}
