import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Constraints a new table's CREATE TABLE holds (its key, unique and check
/// constraints), and the check it cannot: one calling a function over the
/// table's own row type, which needs the table first.
@Suite struct InlineConstraintTests {
    @Test func checksGoInsideCreateTableUnlessTheirFunctionNeedsTheTable() throws {
        let sql = """
            CREATE FUNCTION positive(integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 > 0';
            CREATE TABLE plain (id int PRIMARY KEY, n int CONSTRAINT plain_n_check CHECK (positive(n)), code text UNIQUE,
                                CHECK (code <> ''));
            CREATE TABLE cyclic (a int);
            CREATE FUNCTION ok(cyclic) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT true';
            ALTER TABLE cyclic ADD CONSTRAINT cyclic_ok CHECK (ok(cyclic));
            """
        let model = try TestDatabase.model(after: sql)
        let script = SchemaScript(model: model, header: SchemaScript.Header(command: "test", versions: [], serverMajor: 0)).render()
        let plain = try #require(script.range(of: "CREATE TABLE IF NOT EXISTS \"public\".\"plain\" (")).upperBound
        let plainCreate = script[plain...].prefix { $0 != ";" }
        #expect(plainCreate.contains("CONSTRAINT \"plain_n_check\" CHECK"), "\(plainCreate)")
        #expect(plainCreate.contains("PRIMARY KEY (id)") && plainCreate.contains("UNIQUE (code)"), "\(plainCreate)")
        #expect(script.contains("ALTER TABLE \"public\".\"cyclic\" ADD CONSTRAINT \"cyclic_ok\""), "the cycle's check comes after")
        try Proving.expectScriptRoundTrip(model, "inline constraints")
        try Proving.expectDumpsAgree(sql, "inline constraints")
    }

    /// CREATE TABLE folds two key constraints over the same columns into one index and
    /// keeps one name (`UNIQUE PRIMARY KEY`); the second is added by ALTER TABLE.
    @Test func aKeyOverTheColumnsOfAnEarlierOneIsAddedApart() throws {
        let sql = """
            CREATE TABLE twice (id int PRIMARY KEY, a int, b int, c int);
            ALTER TABLE twice ADD CONSTRAINT twice_id_unique UNIQUE (id);
            CREATE UNIQUE INDEX twice_ab ON twice (a, b) INCLUDE (c);
            ALTER TABLE twice ADD CONSTRAINT twice_ab UNIQUE USING INDEX twice_ab;
            ALTER TABLE twice ADD UNIQUE (a, b) INCLUDE (c);
            """
        let model = try TestDatabase.model(after: sql)
        let script = SchemaScript(model: model, header: SchemaScript.Header(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script.contains("ADD CONSTRAINT \"twice_id_unique\" UNIQUE (id)"), "\(script)")
        try Proving.expectScriptRoundTrip(model, "keys over the same columns")
    }
}
