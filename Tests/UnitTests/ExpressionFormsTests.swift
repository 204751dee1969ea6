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
}
