import Migrations
import PostgresClient
import SQLText
import Testing

@Suite struct RedactionTests {
    @Test(arguments: [
        ("postgres://u:s3cret@h/db", "s3cret"),
        ("postgres://u:s3cret%21@h/db", "s3cret!"),
        ("postgresql://u@h/db?password=s3cret&sslmode=require", "s3cret"),
        ("host=h password=s3cret dbname=db", "s3cret"),
        ("host=h password='s3 cret' dbname=db", "s3 cret"),
        ("host=h password='unterminated", "unterminated"),
    ])
    func theSecretIsFoundAndMasked(_ connection: String, _ secret: String) {
        #expect(Redaction.secrets(in: connection).contains(secret))
        let message = "could not parse \"\(connection)\" (token \"\(secret)\")"
        #expect(!Redaction.scrub(message, secrets: Redaction.secrets(in: connection)).contains(secret))
    }

    @Test func aPasswordShapeIsMaskedEvenWhenNobodyKnewIt() {
        #expect(Redaction.scrubShapes("see postgres://app:hunter22@db/x now") == "see postgres://app:***@db/x now")
        #expect(Redaction.scrubShapes("dbname=x password=hunter22 host=y") == "dbname=x password=*** host=y")
    }

    @Test func aPasswordKeyInAnyCaseIsMaskedAndATextWithoutOneIsLeftAsItIs() {
        // The regular expressions run only where their marker is: `://`, or `password` in any case.
        #expect(Redaction.scrubShapes("dbname=x PassWord = 'a b' host=y") == "dbname=x PassWord = *** host=y")
        #expect(Redaction.scrubShapes("X PASSWORD=hunter22") == "X PASSWORD=***")
        let plain = String(repeating: "+ table \"public\".\"t\"\n    type: text\n", count: 1_000)
        #expect(Redaction.scrubShapes(plain) == plain)
        #expect(Redaction.scrub("user hunter22 here", secrets: ["hunter22"]) == "user *** here")
        #expect(Redaction.scrub("user hünter22 here", secrets: ["hünter22"]) == "user *** here")
    }

    /// SQL's own forms, as a migration's failing line or a server's CONTEXT quotes them: a
    /// literal after a word that names a secret, inside another literal too (quotes doubled).
    @Test(arguments: [
        ("CREATE ROLE app LOGIN PASSWORD 'hunter22' VALID UNTIL 'infinity';", "CREATE ROLE app LOGIN PASSWORD '***' VALID UNTIL 'infinity';"),
        ("ALTER ROLE app ENCRYPTED PASSWORD 'hun''ter22';", "ALTER ROLE app ENCRYPTED PASSWORD '***';"),
        ("CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'h', password 'hunter22', port '1');",
         "CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'h', password '***', port '1');"),
        ("ALTER SERVER s OPTIONS (ADD aws_secret_access_key 'hunter22')", "ALTER SERVER s OPTIONS (ADD aws_secret_access_key '***')"),
        ("DO $$ BEGIN EXECUTE 'ALTER ROLE app PASSWORD ''hunter22'''; END $$;", "DO $$ BEGIN EXECUTE 'ALTER ROLE app PASSWORD '***'; END $$;"),
        ("CONTEXT: SQL statement \"ALTER ROLE app PASSWORD 'hunter22'\"\nPL/pgSQL function", "CONTEXT: SQL statement \"ALTER ROLE app PASSWORD '***'\"\nPL/pgSQL function"),
        ("odbc 'DRIVER=x;PWD=hunter22'", "odbc 'DRIVER=x;PWD=***'"),
    ])
    func aLiteralAfterASecretsNameIsMasked(_ text: String, _ masked: String) {
        #expect(Redaction.scrubShapes(text) == masked)
    }

    /// What only looks alike is left as it is: a column named for a secret, an enum label.
    @Test func namesOfSecretsWithoutALiteralAreLeftAsTheyAre() {
        let text = """
            CREATE TABLE t (token text DEFAULT 'x', secret text CHECK (secret <> ''));
            CREATE TYPE kind AS ENUM ('token', 'secret');
            COMMENT ON COLUMN t.secret IS 'hidden';
            """
        #expect(Redaction.scrubShapes(text) == text)
    }

    @Test func theRedactedFormKeepsEverythingElse() {
        #expect(ConnectionString("postgres://u:pw@h:5433/db").redacted == "postgres://u:***@h:5433/db")
    }
}

/// A migration's failing line is printed with its password masked, the caret still under
/// what the server pointed at.
@Suite struct MigrationErrorRedactionTests {
    @Test func theFailingLineShowsNoPasswordAndTheCaretStaysUnderTheError() {
        let line = "CREATE ROLE r LOGIN PASSWORD 'hun''ter22' NOSUCHOPTION;"
        let column = line.distance(from: line.startIndex, to: line.range(of: "NOSUCHOPTION")!.lowerBound) + 1
        let error = MigrationRunError.statementFailed(
            file: "pending/1_role.sql", location: SourceLocation(line: 2, column: column),
            error: ServerError(sqlState: "42601", severity: "ERROR", message: "unrecognized role option \"nosuchoption\"", server: "s"),
            line: line)
        let printed = error.description.components(separatedBy: "\n")
        #expect(!error.description.contains("ter22"), "\(error.description)")
        #expect(printed.suffix(2) == ["  CREATE ROLE r LOGIN PASSWORD '***' NOSUCHOPTION;",
                                      "  " + String(repeating: " ", count: "CREATE ROLE r LOGIN PASSWORD '***' ".count) + "^"])
    }
}
