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

extension ReparsableTextTests {
    @Test func anArrayCastAsAWholeIsGivenItsOwnTypeFirst() {
        let printed = "CHECK (((status)::text = ANY ((ARRAY['A'::character varying, NULL::character varying])::text[])))"
        #expect(ReparsableText.of(printed)
            == "CHECK (((status)::text = ANY ((ARRAY['A'::character varying, NULL::character varying]::character varying[])::text[])))")
        #expect(ReparsableText.of("SELECT (ARRAY['1'::numeric(10,2), '2'::numeric(10,2)])::text[]")
            == "SELECT (ARRAY['1'::numeric(10,2), '2'::numeric(10,2)]::numeric(10,2)[])::text[]")
    }

    @Test func anArrayWhoseElementsDifferOrNestIsLeftAsPrinted() {
        for text in ["CHECK ((x = ANY ((ARRAY[1, 2])::bigint[])))",
                     "CHECK ((x = ANY ((ARRAY['a'::character varying, 'b'::text])::text[])))",
                     "SELECT (ARRAY[ARRAY['a'::text]])::text[]",
                     "SELECT (ARRAY['a'::character varying, 'b'::character varying])[1]",
                     "SELECT (ARRAY['a'::text COLLATE \"C\", 'b'::text COLLATE \"C\"])::name[]",
                     "SELECT (ARRAY[x::integer + 1, y::integer + 1])::bigint[]"] {
            #expect(ReparsableText.of(text) == text)
        }
    }
}

extension ReparsableTextTests {
    @Test func writtenOnceItChangesNoMore() {
        let printed = "DO $schemactl2$ BEGIN ALTER TABLE t ADD CHECK ((s)::text = ANY ((ARRAY['a'::character varying])::text[])); "
            + "CREATE VIEW v AS SELECT EXTRACT(YEAR FROM now()); END $schemactl2$"
        let once = ReparsableText.of(printed)
        #expect(once.contains("(ARRAY['a'::character varying]::character varying[])::text[]") && once.contains("EXTRACT('YEAR' FROM"))
        #expect(ReparsableText.of(once) == once)
    }
}
