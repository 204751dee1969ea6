@testable import SQLGeneration
import SchemaModel
import Testing

/// Texts as the server prints them once a type is renamed: the qualified name, wherever it is a
/// type; never inside a string or a body as written, never a function of the same name.
@Suite struct TypeRenamingTests {
    let old = QualifiedName(schema: "public", name: "status")
    let new = QualifiedName(schema: "app", name: "Order Status")

    @Test(arguments: [
        ("public.status", #"app."Order Status""#),
        ("public.status[]", #"app."Order Status"[]"#),
        ("'new'::public.status", #"'new'::app."Order Status""#),
        ("(s = ANY (ARRAY['a'::public.status, 'b'::public.status]))", #"(s = ANY (ARRAY['a'::app."Order Status", 'b'::app."Order Status"]))"#),
        // A table (the same text renames tables): a foreign key's, and a publication's with its column list.
        ("REFERENCES public.status(id)", #"REFERENCES app."Order Status"(id)"#),
        ("FOR TABLE ONLY public.status (id, a) WHERE ((a > 0))", #"FOR TABLE ONLY app."Order Status" (id, a) WHERE ((a > 0))"#),
        // A function of that name, a string, a dollar-quoted body, a column of a table `status`.
        ("public.status(x)", "public.status(x)"),
        ("'public.status'", "'public.status'"),
        ("AS $function$ select 'x'::public.status $function$", "AS $function$ select 'x'::public.status $function$"),
        ("other.public.status", "other.public.status"),
        ("public.statuses", "public.statuses"),
    ])
    func theTypeIsNamedAnewWhereItIsTheType(_ text: String, _ expected: String) {
        #expect(TypeRenaming.text(text, renaming: old, to: new) == expected)
    }
}
