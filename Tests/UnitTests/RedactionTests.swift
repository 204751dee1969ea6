import PostgresClient
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

    @Test func theRedactedFormKeepsEverythingElse() {
        #expect(ConnectionString("postgres://u:pw@h:5433/db").redacted == "postgres://u:***@h:5433/db")
    }
}
