import SQLGeneration
import TestSupport
import Testing

/// A table's row type held by a column of another table: the server refuses to rewrite the
/// table while it is ("cannot alter table … because column … uses its row type"). The holders
/// pass through jsonb around the change (`Work.rowTypeParks`); the values are checked in
/// `ValuesKeptTests.aTableRetypedUnderItsRowTypeKeepsTheValuesThatHoldIt`.
@Suite struct RowTypeHolderTests {
    /// Each change that rewrites the held table: a column retyped (under a chain of holders), a
    /// column added with a volatile default or as an identity, the table made unlogged, an enum
    /// it holds losing a value. Proved both ways; the way back of the last three rewrites nothing.
    @Test(arguments: [
        ("create table a1 (x int); create table b1 (id int, inner_a a1); create table c1 (id int, inner_b b1);",
         "create table a1 (x numeric); create table b1 (id int, inner_a a1); create table c1 (id int, inner_b b1);"),
        ("create table addr (street text); create table person (id int primary key, home addr);",
         "create table addr (street text, made timestamptz default clock_timestamp(), n int generated always as identity);"
            + " create table person (id int primary key, home addr);"),
        ("create table addr (street text); create table person (id int primary key, home addr);",
         "create unlogged table addr (street text); create table person (id int primary key, home addr);"),
        ("create type mood as enum ('sad', 'ok', 'happy'); create table addr (street text, m mood); create table person (home addr);",
         "create type mood as enum ('sad', 'happy'); create table addr (street text, m mood); create table person (home addr);"),
    ])
    func aRewriteUnderAHeldRowTypeParksItsHolders(_ before: String, _ after: String) throws {
        let forward = try #require(try Proving.plansBothWays(before, after).first)
        #expect(forward.statements.contains { $0.sql.contains(" TYPE jsonb USING ") }, "\(forward.sql)")
    }

    /// A holder that changes in the same plan (its own column retyped) is parked all the same,
    /// and a table whose row type nothing holds is not.
    @Test func onlyHeldRowTypesAreParked() throws {
        let plans = try Proving.plansBothWays(
            "create table addr (zip int); create table person (home addr, n int); create table loose (zip int);",
            "create table addr (zip bigint); create table person (home addr, n bigint); create table loose (zip bigint);")
        for plan in plans {
            let parked = plan.statements.filter { $0.sql.contains(" TYPE jsonb USING ") }.map(\.sql)
            #expect(parked.count == 1 && parked[0].contains("\"person\""), "\(plan.sql)")
        }
    }
}
