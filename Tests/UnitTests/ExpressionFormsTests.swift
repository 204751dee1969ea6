import Diff
import Testing

/// The forms PostgreSQL prints for one expression, brought to one.
@Suite struct ExpressionFormsTests {
    @Test func anArrayCastAsAWholeIsCastElementByElement() {
        #expect(ExpressionForms.canonical(
            "CHECK (((v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))")
            == "CHECK (((v)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))")
    }

    @Test func typesWithSpacesModifiersAndSchemasAreKept() {
        #expect(ExpressionForms.canonical("x = ANY ((ARRAY[a, b])::character varying(5)[])")
            == "x = ANY (ARRAY[(a)::character varying(5), (b)::character varying(5)])")
        #expect(ExpressionForms.canonical("x = ANY ((ARRAY[a])::public.\"My Type\"[])") == "x = ANY (ARRAY[(a)::public.\"My Type\"])")
    }

    @Test func quotedTextAndOtherArraysAreLeftAlone() {
        let literal = "CHECK ((note <> '(ARRAY[1])::text[]'::text))"
        #expect(ExpressionForms.canonical(literal) == literal)
        let commaInLiteral = "v = ANY ((ARRAY['a,b'::character varying, 'c'''::character varying])::text[])"
        #expect(ExpressionForms.canonical(commaInLiteral)
            == "v = ANY (ARRAY[('a,b'::character varying)::text, ('c'''::character varying)::text])")
        let nested = "x = ANY ((ARRAY[ARRAY[1], ARRAY[2]])::bigint[])"
        #expect(ExpressionForms.canonical(nested) == nested)
        let twoDimensional = "(ARRAY[a, b])::text[][]"
        #expect(ExpressionForms.canonical(twoDimensional) == twoDimensional)
    }

    @Test func theCanonicalFormIsAFixedPoint() {
        let once = ExpressionForms.canonical("v = ANY ((ARRAY['a'::character varying])::text[])")
        #expect(ExpressionForms.canonical(once) == once)
    }

    /// The first print and the second of `FROM (SELECT oid, rolname FROM pg_roles UNION ALL SELECT 0::oid, 'PUBLIC') g(oid, rolname)`.
    @Test func aFallbackNamePrintedOnlyAfterASecondParseIsNoDifference() {
        let first = "SELECT g.oid\n   FROM ( SELECT pg_roles.oid\n         UNION ALL\n          SELECT (0)::oid AS oid,\n             'PUBLIC'::name) g(oid, rolname);"
        let second = "SELECT g.oid\n   FROM ( SELECT pg_roles.oid\n         UNION ALL\n          SELECT (0)::oid AS oid,\n             'PUBLIC'::name AS name) g(oid, rolname);"
        #expect(ExpressionForms.differOnlyInHiddenNames(first, second))
        #expect(ExpressionForms.differOnlyInHiddenNames(second, first))
        // On one line, as unprettied text prints it.
        #expect(ExpressionForms.differOnlyInHiddenNames("SELECT 1 UNION SELECT lower(x) FROM t",
                                                        "SELECT 1 UNION SELECT lower(x) AS lower FROM t"))
        #expect(ExpressionForms.differOnlyInHiddenNames("(SELECT NULL::text, \"x y\"(a))", "(SELECT NULL::text AS text, \"x y\"(a) AS \"x y\")"))
    }

    @Test func aNameGivenToAColumnOrAnythingElseStillCounts() {
        // After a bare column, a name is a rename: row_to_json(s) would see it.
        #expect(!ExpressionForms.differOnlyInHiddenNames("FROM (SELECT t.a, t.b) s", "FROM (SELECT t.a AS x, t.b) s"))
        #expect(!ExpressionForms.differOnlyInHiddenNames("(SELECT \"T\".\"a b\")", "(SELECT \"T\".\"a b\" AS c)"))
        #expect(!ExpressionForms.differOnlyInHiddenNames("SELECT DISTINCT a FROM t", "SELECT DISTINCT a AS b FROM t"))
        // Names swapped, or text that is not a name at all.
        #expect(!ExpressionForms.differOnlyInHiddenNames("(SELECT 1 AS a, 2 AS b)", "(SELECT 1 AS b, 2 AS a)"))
        #expect(!ExpressionForms.differOnlyInHiddenNames("SELECT 1 + 1", "SELECT 1 + 1 + 1"))
        #expect(!ExpressionForms.differOnlyInHiddenNames("SELECT 'x'", "SELECT 'x AS y'"))
        #expect(!ExpressionForms.differOnlyInHiddenNames("SELECT 1", "SELECT 1 AS 2"))
    }
}
