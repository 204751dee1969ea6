@testable import SQLGeneration
import SchemaModel
import Testing

/// Texts as the server prints them once schema `crm` is renamed to `Sales Team`: each name
/// qualified by it, each schema named after `SCHEMA`, each `reg…` constant; never a string or
/// a body as written, never a column qualified by a table or alias that shares the name.
@Suite struct SchemaRenamingTests {
    @Test(arguments: [
        ("crm.acct", #""Sales Team".acct"#),
        ("'ok'::crm.mood", #"'ok'::"Sales Team".mood"#),
        ("crm.f(id) > 0", #""Sales Team".f(id) > 0"#),
        ("REFERENCES crm.acct(id)", #"REFERENCES "Sales Team".acct(id)"#),
        ("nextval('crm.counter'::regclass)", #"nextval('"Sales Team".counter'::regclass)"#),
        ("ALTER DEFAULT PRIVILEGES FOR ROLE r IN SCHEMA crm\tTABLES", "ALTER DEFAULT PRIVILEGES FOR ROLE r IN SCHEMA \"Sales Team\"\tTABLES"),
        ("for role r in schema crm on tables", "for role r in schema \"Sales Team\" on tables"),
        // A publication's schemas, listed by name: the renamed one takes its place in that order.
        ("CREATE PUBLICATION p FOR TABLES IN SCHEMA crm, public WITH (publish = 'insert');",
         "CREATE PUBLICATION p FOR TABLES IN SCHEMA \"Sales Team\", public WITH (publish = 'insert');"),
        ("CREATE PUBLICATION p FOR TABLE ONLY a.t, TABLES IN SCHEMA a, crm WITH (publish = 'insert');",
         "CREATE PUBLICATION p FOR TABLE ONLY a.t, TABLES IN SCHEMA \"Sales Team\", a WITH (publish = 'insert');"),
        // A string, a body as written, a column of a table or alias named crm, another schema.
        ("'crm.acct'", "'crm.acct'"),
        ("AS $function$select 1 from crm.acct$function$", "AS $function$select 1 from crm.acct$function$"),
        ("other.crm.id", "other.crm.id"),
        ("crmx.acct", "crmx.acct"),
        ("TABLES IN SCHEMA a, b WITH (publish = 'insert')", "TABLES IN SCHEMA a, b WITH (publish = 'insert')"),
    ])
    func theSchemaIsNamedAnewWhereItQualifiesOrIsListed(_ text: String, _ expected: String) {
        #expect(SchemaRenaming.text(text, renaming: "crm", to: "Sales Team") == expected)
    }

    /// `schema=new` names a schema the source has, unless `public` has a table or a sequence of
    /// that name (`name=new` renames that one, as before); reversed, it renames back.
    @Test func aSchemaRenameIsReadFromItsArgument() throws {
        let rename = try #require(Rename.parse("crm=sales", tables: [], schemas: ["crm"]))
        #expect(rename.schema && rename.table.schema == "crm" && rename.newName == "sales")
        #expect(rename.description == #"schema "crm" to "sales""#)
        let back = try #require(Rename.reversed([rename]).first)
        #expect(back.schema && back.table.schema == "sales" && back.newName == "crm")
        let table = try #require(Rename.parse("crm=sales", tables: [QualifiedName(schema: "public", name: "crm")], schemas: ["crm"]))
        #expect(!table.schema && table.table == QualifiedName(schema: "public", name: "crm"))
        let sequence = try #require(Rename.parse("crm=sales", tables: [], sequences: [QualifiedName(schema: "public", name: "crm")], schemas: ["crm"]))
        #expect(!sequence.schema && sequence.sequence)
    }
}
