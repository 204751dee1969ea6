import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A column added with a value of its own for each row (an identity, a serial, a volatile
/// default) rewrites its table, and the plan says so; one with any other default does not.
/// An identity column reaches a table with children or partitions in steps the server takes.
@Suite struct AddedColumnRewriteTests {
    /// The plan's rewrite hazard, column by column, against the rewrites an event trigger counts.
    /// (A volatile function in SQL the server can inline into a constant is not asked: the plan
    /// says a rewrite the server may spare.)
    @Test func theRewriteHazardIsTheServers() throws {
        let functions = """
            create function volatile_number() returns int language plpgsql volatile as $$ begin return 1; end $$;
            create function fixed_number() returns int language sql immutable as 'select 1';
            """
        let columns = [
            "int generated always as identity", "serial", "uuid default gen_random_uuid()", "timestamptz default now()",
            "timestamptz default clock_timestamp()", "int default public.volatile_number()", "int default public.fixed_number()",
            "float default random() * 2", "int default 7", "text default 'x'",
        ]
        for column in columns {
            let old = functions + "create table t (a int);"
            let after = try TestDatabase.model(after: functions + "create table t (a int, b \(column));")
            let database = try TestDatabase.make()
            defer { database.drop() }
            let connection = try database.connect()
            try connection.execute(old)
            let plan = try Proving.plan(from: connection, to: after)
            let said = plan.statements.contains { $0.hazards.contains(.tableRewrite(QualifiedName(schema: "public", name: "t"))) }
            try connection.execute("insert into t select generate_series(1, 10);")
            try Proving.countRewrites(on: connection)
            try connection.execute("BEGIN;\n" + plan.sql + "\nCOMMIT;")
            let rewritten = try Proving.rewrites(on: connection) > 0
            #expect(said == rewritten, "\(column): the plan says \(said ? "a" : "no") rewrite, the server made \(rewritten ? "one" : "none")\n\(plan.sql)")
        }
    }

    /// `ADD COLUMN … GENERATED AS IDENTITY` is refused on a table with children, and on a
    /// partitioned table with partitions before 17: the rows of the whole family are numbered
    /// as the identity would number them, and new rows go on from there.
    @Test(arguments: [
        "create table family (a int); create table member (b int) inherits (family);",
        "create table family (a int) partition by range (a); create table member partition of family for values from (0) to (100);",
    ])
    func anIdentityAddedToAFamilyNumbersItsRows(family: String) throws {
        let target = family.replacingOccurrences(of: "create table family (a int)",
                                                 with: "create table family (a int, id bigint generated always as identity (start with 10 increment by 5))")
        let after = try TestDatabase.model(after: target)
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(family + "insert into family select generate_series(1, 20);")
        if family.contains("inherits") { try connection.execute("insert into member select generate_series(21, 30);") }
        let plan = try Proving.plan(from: connection, to: after)
        #expect(plan.statements.contains { $0.hazards.contains(.tableRewrite(QualifiedName(schema: "public", name: "family"))) }, "\(plan.sql)")
        try connection.execute("BEGIN;\n" + plan.sql + "\nCOMMIT;")
        let rows = family.contains("inherits") ? 30 : 20
        let numbers = try connection.query("select count(distinct id), min(id), max(id) from family").rows.first?.values
        #expect(numbers == ["\(rows)", "10", "\(10 + 5 * (rows - 1))"], "\(plan.sql)")
        try connection.execute("insert into family (a) values (50)")
        #expect(try connection.query("select id from family where a = 50").rows.first?.values == ["\(10 + 5 * rows)"])
        let result = try Inspector().inspect(connection)
        #expect(SchemaDiff(from: result, to: after).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: result, to: after), colour: false))\n\(plan.sql)")
        _ = try Proving.plansBothWays(family, target)
    }

    /// The numbering sequence takes a name no relation of the schema has (the label numbered, as the
    /// server numbers a taken name), and the identity's own sequence, named by the user, goes on
    /// from where the numbering stopped.
    @Test func theNumberingSequenceTakesAFreeNameAndTheIdentityKeepsItsOwn() throws {
        let family = "create table family (a int); create table member (b int) inherits (family); create table family_id_numbering_seq (x int);"
        let target = family.replacingOccurrences(
            of: "create table family (a int)",
            with: "create table family (a int, id int generated by default as identity (sequence name family_numbers start with 3))")
        let after = try TestDatabase.model(after: target)
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(family + "insert into member select generate_series(1, 4);")
        let plan = try Proving.plan(from: connection, to: after)
        #expect(plan.sql.contains(#"CREATE SEQUENCE "public"."family_id_numbering_seq1" "#), "\(plan.sql)")
        try connection.execute("BEGIN;\n" + plan.sql + "\nCOMMIT;")
        try connection.execute("insert into family (a) values (50)")
        #expect(try connection.query("select id from family where a = 50").rows.first?.values == ["7"], "\(plan.sql)")
        #expect(try connection.query("select nextval('family_numbers')").rows.first?.values == ["8"])
        _ = try Proving.plansBothWays(family, target)
    }

    /// A child that declares the column itself with a default of its own keeps that default: the
    /// steps' DROP DEFAULT reaches it, and it is set again after.
    @Test func aChildDeclaringTheColumnKeepsItsOwnDefault() throws {
        let family = "create table family (a int); create table member (b int) inherits (family);"
        let target = "create table family (a int, id int generated always as identity); create table member (b int, id int default 7) inherits (family);"
        let plan = try Proving.plansBothWays(family, target)[0].statements.map(\.sql)
        let dropped = try #require(plan.firstIndex(of: #"ALTER TABLE "public"."family" ALTER COLUMN "id" DROP DEFAULT;"#), "\(plan)")
        #expect(plan[dropped...].contains(#"ALTER TABLE "public"."member" ALTER COLUMN "id" SET DEFAULT 7;"#), "\(plan)")
    }

    /// Guarded (as a schema script writes it): the steps in one block that runs while the column
    /// is not an identity yet, so that running the plan twice is running it once.
    @Test func guardedStepsRunOnce() throws {
        let family = "create table family (a int); create table member (b int) inherits (family);"
        let target = "create table family (a int, id int generated always as identity); create table member (b int) inherits (family);"
        let after = try TestDatabase.model(after: target)
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(family + "insert into member select generate_series(1, 5);")
        let plan = try Proving.plan(from: connection, to: after, idempotent: true)
        try connection.execute(plan.sql)
        try connection.execute(plan.sql)
        #expect(try connection.query("select count(distinct id), max(id) from family").rows.first?.values == ["5", "5"], "\(plan.sql)")
        let result = try Inspector().inspect(connection)
        #expect(SchemaDiff(from: result, to: after).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: result, to: after), colour: false))\n\(plan.sql)")
    }
}
