import Lint
import SQLText
import SchemaModel
import XCTest

/// What the lint rules read without a server: tokens, ignore comments, the report formats.
final class LintTextTests: XCTestCase {
    func testTokensKeepQuotedTextWholeAndKnowTheirDepth() {
        let text = "ALTER TABLE \"My \"\"T\"\"\" ADD COLUMN x int DEFAULT E'a;\\'b' -- no ; here\n  CHECK (x > $$)$$)"
        let tokens = SQLToken.tokens(of: text)
        XCTAssertEqual(tokens[2].kind, .quotedIdentifier)
        XCTAssertEqual(tokens[2].identifier, "My \"T\"")
        XCTAssertEqual(tokens.first { $0.kind == .string }?.value, "a;\\'b")
        XCTAssertFalse(tokens.contains { $0.value == "no" }, "comments are not tokens")
        let check = tokens.firstIndex { $0.isWord("CHECK") }!
        XCTAssertEqual(tokens[check].depth, 0)
        XCTAssertEqual(tokens[check + 2].identifier, "x")
        XCTAssertEqual(tokens[check + 2].depth, 1)
        XCTAssertEqual(tokens.last?.value, ")")
        XCTAssertEqual(tokens.last?.depth, 0, "the dollar-quoted ) does not close the parenthesis")
        XCTAssertEqual(tokens[check].offset, text.utf8.count - "CHECK (x > $$)$$)".utf8.count)
    }

    func testIgnoreCommentsCoverTheNextStatementOrTheWholeFile() throws {
        let rollback = try LintedFile(path: "r.sql", text: """
            BEGIN;
            UPDATE schema_versions SET is_active = FALSE WHERE version = 'v';
            -- schemactl:ignore drop-without-if-exists
            DROP TABLE a;
            DROP TABLE b;
            COMMIT;
            """)
        let file = try LintedFile(path: "m.sql", text: "BEGIN;\nINSERT INTO schema_versions (version) VALUES ('v');\nCOMMIT;\n")
        let subject = LintSubject(version: "v", file: file, rollback: rollback, before: DatabaseModel(), after: DatabaseModel())
        XCTAssertEqual(Linter().findings(subject).map { "\($0.file):\($0.line) \($0.rule)" }, ["r.sql:5 drop-without-if-exists"])

        let wholeFile = try LintedFile(path: "r.sql", text: "-- schemactl:ignore-file drop-without-if-exists\n" + rollback.text)
        XCTAssertEqual(Linter().findings(LintSubject(version: "v", file: file, rollback: wholeFile, before: DatabaseModel(),
                                                     after: DatabaseModel())), [])
    }

    func testGithubAnnotationsEscapeWhatWorkflowCommandsReserve() {
        let finding = LintFinding(file: "a,b:c.sql", line: 3, column: 1, rule: "no-transaction", severity: .error, message: "50% done\nreally")
        XCTAssertEqual(LintReport.render([finding], linted: 1, as: .github),
                       "::error file=a%2Cb%3Ac.sql,line=3,col=1,title=no-transaction::50%25 done%0Areally")
    }
}
