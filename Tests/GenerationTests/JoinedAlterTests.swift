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
        let plan = try Proving.plan(from: connection, to: after)
        let alters = plan.statements.filter { $0.sql.hasPrefix("ALTER TABLE") }
        #expect(alters.count == 1, "\(plan.sql)")
        #expect(alters.first?.hazards.filter { $0 == .tableRewrite(QualifiedName(schema: "public", name: "t")) }.count == 1, "\(plan.sql)")
        #expect(alters.first?.hazards.first?.isDataLoss == true, "what is lost is said first: \(plan.sql)")

        try connection.execute("insert into t select i, i, i, 'v' || i, 'e' || i from generate_series(1, 100) i;")
        try Proving.countRewrites(on: connection)
        try connection.execute("BEGIN;\n" + plan.sql + "\nCOMMIT;")
        #expect(try Proving.rewrites(on: connection) == 1, "\(plan.sql)")
        #expect(try connection.query("select a, b, c, d, e from t where id = 42").rows.first?.values == ["42", "42", "v42", "7", "e42"])
        let result = try Inspector().inspect(connection)
        #expect(SchemaDiff(from: result, to: after).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: result, to: after), colour: false))")
    }
}
