import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A table's column changes run as one `ALTER TABLE`: the server rewrites the table once,
/// however many of its columns change type, with the rows kept.
@Suite struct JoinedAlterTests {
    @Test func columnsRetypedTogetherRewriteTheirTableOnce() throws {
        let old = "create table t (id int primary key, a int, b int default 0, c text, e text); create index t_b on t (b);"
        let new = """
            create table t (id int primary key, a bigint, b numeric default 1 not null, c varchar(20),
                            d int default 7 not null, e text check (e <> ''));
            create index t_b on t (b);
            """
        let after = try TestDatabase.model(after: new)
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(old)
        let before = try Inspector().inspect(connection)
        let plan = Planner(from: before, to: after, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        let alters = plan.statements.filter { $0.sql.hasPrefix("ALTER TABLE") }
        #expect(alters.count == 1, "\(plan.sql)")
        #expect(alters.first?.hazards.filter { $0 == .tableRewrite(QualifiedName(schema: "public", name: "t")) }.count == 1, "\(plan.sql)")
        #expect(alters.first?.hazards.first?.isDataLoss == true, "what is lost is said first: \(plan.sql)")

        // Rewrites counted by an event trigger, which fires once per rewrite of a table.
        try connection.execute("""
            insert into t select i, i, i, 'v' || i, 'e' || i from generate_series(1, 100) i;
            create table rewrites (n int);
            create function count_rewrite() returns event_trigger language plpgsql as $$ begin insert into rewrites values (1); end $$;
            create event trigger counting on table_rewrite execute function count_rewrite();
            """)
        try connection.execute("BEGIN;\n" + plan.sql + "\nCOMMIT;")
        #expect(try connection.query("select count(*) from rewrites").rows.first?.values.first == "1", "\(plan.sql)")
        #expect(try connection.query("select a, b, c, d, e from t where id = 42").rows.first?.values == ["42", "42", "v42", "7", "e42"])
        try connection.execute("drop event trigger counting; drop function count_rewrite(); drop table rewrites;")
        let result = try Inspector().inspect(connection)
        #expect(SchemaDiff(from: result, to: after).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: result, to: after), colour: false))")
    }
}
