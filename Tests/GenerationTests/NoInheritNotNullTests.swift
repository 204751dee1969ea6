import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// PostgreSQL 18's `NOT NULL NO INHERIT`: the table's own, which its children do not get
/// (and a partitioned table may not have). The census named it and the model held it as a
/// plain NOT NULL: the consolidated file gave it to every child.
@Suite struct NoInheritNotNullTests {
    static let schema = """
        create table base (id int not null no inherit, code text constraint code_here not null no inherit, note text not null);
        create table derived (extra int) inherits (base);
        create table standalone (a int not null no inherit);
        """

    static func requireEighteen() throws {
        if try ServerFeatures.major() < 18 { try Test.cancel("NOT NULL NO INHERIT is a constraint from PostgreSQL 18") }
    }

    @Test func theModelHoldsItAndItsChildHasNone() throws {
        try Self.requireEighteen()
        let model = try TestDatabase.model(after: Self.schema)
        let base = try #require(model.tables.first { $0.name.name == "base" })
        let derived = try #require(model.tables.first { $0.name.name == "derived" })
        #expect(base.columns.map(\.notNullNoInherit) == [true, true, nil])
        #expect(base.column("code")?.notNullName == "code_here")
        #expect(derived.columns.map(\.notNull) == [false, false, true, false])
        #expect(model.unmodelled.isEmpty, "\(model.unmodelled)")
    }

    @Test func theConsolidatedFileMakesItForTheTableAlone() throws {
        try Self.requireEighteen()
        try Proving.expectFileGivesItBack(Self.schema, "NOT NULL NO INHERIT")
    }

    /// Made, and made to reach the children or no longer (`ALTER CONSTRAINT … [NO] INHERIT`).
    @Test func plansMakeAndChangeIt() throws {
        try Self.requireEighteen()
        _ = try Proving.plansBothWays("create table unrelated (x int);", Self.schema)
        let plain = """
            create table base (id int, code text, note text not null);
            create table derived (extra int) inherits (base);
            create table standalone (a int);
            """
        _ = try Proving.plansBothWays(plain, Self.schema)
        _ = try Proving.plansBothWays(plain, Self.schema, online: true)
        let inheriting = """
            create table base (id int not null, code text constraint code_here not null no inherit, note text not null no inherit);
            create table derived (extra int) inherits (base);
            create table standalone (a int not null no inherit);
            """
        let plans = try Proving.plansBothWays(Self.schema, inheriting)
        #expect(plans[0].sql.contains(#"ALTER CONSTRAINT "base_id_not_null" INHERIT"#), "\(plans[0].sql)")
    }
}
