import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A base type made with `CREATE TYPE name (INPUT = …, OUTPUT = …)`: its input and
/// output functions return or take it, and it needs them. The model holds it by
/// its definition; the script creates it as a shell, then the functions, then the
/// type; a plan that drops it takes the functions with it.
@Suite struct BaseTypeTests {
    /// As PostgreSQL's own regression suite makes its base types, with internal functions
    /// (C functions work alike; this machine has no module of its own to load).
    static let sql = """
        CREATE SCHEMA "Types";
        CREATE TYPE "Types"."int 42";
        CREATE FUNCTION "Types".int42_in(cstring) RETURNS "Types"."int 42" LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
        CREATE FUNCTION "Types".int42_out("Types"."int 42") RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
        CREATE TYPE "Types"."int 42" (INTERNALLENGTH = 4, INPUT = "Types".int42_in, OUTPUT = "Types".int42_out,
            ALIGNMENT = int4, DEFAULT = '42', PASSEDBYVALUE, CATEGORY = 'N', DELIMITER = ';');
        COMMENT ON TYPE "Types"."int 42" IS 'an int4 by another name';
        CREATE TYPE words;
        CREATE FUNCTION words_in(cstring) RETURNS words LANGUAGE internal IMMUTABLE STRICT AS 'textin';
        CREATE FUNCTION words_out(words) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
        CREATE FUNCTION words_recv(internal) RETURNS words LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';
        CREATE FUNCTION words_send(words) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'textsend';
        CREATE TYPE words (INPUT = words_in, OUTPUT = words_out, RECEIVE = words_recv, SEND = words_send,
            INTERNALLENGTH = VARIABLE, STORAGE = extended, COLLATABLE = true, PREFERRED = true, CATEGORY = 'S');
        CREATE TYPE int_pair;
        CREATE FUNCTION int_pair_in(cstring) RETURNS int_pair LANGUAGE internal IMMUTABLE STRICT AS 'int8in';
        CREATE FUNCTION int_pair_out(int_pair) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int8out';
        CREATE TYPE int_pair (INTERNALLENGTH = 8, INPUT = int_pair_in, OUTPUT = int_pair_out, ELEMENT = int4, ALIGNMENT = double);
        CREATE FUNCTION word_count(words) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
        CREATE DOMAIN short_words AS words CHECK (word_count(VALUE) < 10);
        CREATE TABLE notes (id int PRIMARY KEY, n "Types"."int 42" DEFAULT '7', w words, ws words[], s short_words, p int_pair);
        CREATE VIEW note_words AS SELECT id, w, word_count(w) AS c FROM notes;
        """

    @Test func aBaseTypeIsModelledAndItsScriptBuildsIt() throws {
        let model = try TestDatabase.model(after: Self.sql)
        #expect(model.unmodelled == [], "the census finds nothing")
        let types = model.definedObjects.filter { $0.kind == .baseType }
        #expect(types.map(\.name) == ["int 42", "int_pair", "words"], "one object each; the array type words[] is the type's own")
        let int42 = try #require(types.first)
        #expect(int42.definition.contains("PASSEDBYVALUE") && int42.definition.contains("DELIMITER = ';'")
                && int42.definition.contains("DEFAULT = '42'"), "\(int42.definition)")
        #expect(int42.comment == "an int4 by another name")

        try Proving.expectScriptOrder(model, [
            ("CREATE TYPE \"public\".\"words\";", "FUNCTION public.words_in"),
            ("FUNCTION public.words_out", "CREATE TYPE public.words (INTERNALLENGTH"),
            ("CREATE TYPE public.words (INTERNALLENGTH", "FUNCTION public.word_count"),
        ])
        try Proving.expectScriptRoundTrip(model, "base types")
        try Proving.expectDumpsAgree(Self.sql, "base types")
    }

    @Test func aChangedBaseTypeIsADifferenceAndPlansAddAndDropIt() throws {
        let model = try TestDatabase.model(after: Self.sql)
        let other = try TestDatabase.model(after: Self.sql.replacingOccurrences(of: "DELIMITER = ';'", with: "DELIMITER = '|'"))
        let diff = SchemaDiff(from: model, to: other)
        #expect(diff.changes.map(\.id) == [ObjectID(kind: .baseType, schema: "Types", name: "int 42")], "\(DiffRenderer.text(diff))")

        let empty = try TestDatabase.model(after: "")
        try Proving.expectPlanHolds(from: empty, to: model, "base types added")
        try Proving.expectPlanHolds(from: model, to: empty, "base types dropped")
    }
}
