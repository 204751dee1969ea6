import SQLText
import Testing

/// What the server prints that does not read back as itself is written so that it does.
@Suite struct ReparsableTextTests {
    @Test func anExtractFieldGivenAsAStringIsWrittenAsOne() {
        let printed = "SELECT (EXTRACT(YEAR FROM now()) - 1::numeric)::text AS y, EXTRACT(year FROM now()) AS z"
        #expect(ReparsableText.of(printed) == "SELECT (EXTRACT('YEAR' FROM now()) - 1::numeric)::text AS y, EXTRACT(year FROM now()) AS z")
    }

    @Test func insideTheBlocksThatGuardStatementsToo() {
        let guarded = "DO $schemactl$\nBEGIN\n    ALTER TABLE t ADD CONSTRAINT c CHECK (EXTRACT(Month FROM d) < 13);\nEND\n$schemactl$"
        #expect(ReparsableText.of(guarded).contains("CHECK (EXTRACT('Month' FROM d) < 13)"))
    }

    @Test func stringsBodiesAndLowerCaseFieldsAreLeftAlone() {
        for text in ["SELECT 'EXTRACT(YEAR FROM x)'", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$SELECT EXTRACT(YEAR FROM now())::int$f$",
                     "SELECT EXTRACT(epoch FROM now())", "SELECT \"EXTRACT\"(YEAR)", "SELECT 1"] {
            #expect(ReparsableText.of(text) == text)
        }
    }
}
