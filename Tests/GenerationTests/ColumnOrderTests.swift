import EmbeddedServer
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Column order, which `SELECT *` and `INSERT … VALUES` read. The diff does not compare it
/// (a plan cannot reorder columns); the schema script's proof does, and pg_dump's output
/// and the catalog show it. A partition made apart and attached keeps its own order, which
/// `PARTITION OF` would not.
@Suite struct ColumnOrderTests {
    static let sql = """
        CREATE TABLE measurement (id int NOT NULL, taken date NOT NULL, city text, reading numeric,
                                  CONSTRAINT measurement_reading_check CHECK (reading >= 0),
                                  PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
        CREATE INDEX measurement_city ON measurement (city);
        CREATE TABLE measurement_2020 (reading numeric DEFAULT 0, city text, taken date NOT NULL, id int NOT NULL,
                                       CONSTRAINT measurement_reading_check CHECK (reading >= 0),
                                       CONSTRAINT own_city CHECK (city <> ''));
        ALTER TABLE measurement ATTACH PARTITION measurement_2020 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
        CREATE TABLE measurement_2021 PARTITION OF measurement FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
        CREATE TABLE measurement_rest (city text, id int NOT NULL, taken date NOT NULL, reading numeric,
                                       CONSTRAINT measurement_reading_check CHECK (reading >= 0)) PARTITION BY RANGE (taken);
        ALTER TABLE measurement ATTACH PARTITION measurement_rest DEFAULT;
        CREATE TABLE measurement_rest_a (taken date NOT NULL, id int NOT NULL, city text, reading numeric,
                                         CONSTRAINT measurement_reading_check CHECK (reading >= 0));
        ALTER TABLE measurement_rest ATTACH PARTITION measurement_rest_a FOR VALUES FROM ('2000-01-01') TO ('2010-01-01');
        """

    private static let columnOrderQuery = """
        SELECT c.relname || ': ' || string_agg(a.attname, ', ' ORDER BY a.attnum) FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') GROUP BY c.relname ORDER BY c.relname
        """

    private func columns(_ database: ScratchDatabase) throws -> [String] {
        try database.connect().query(Self.columnOrderQuery).rows.map { $0.values.first.flatMap { $0 } ?? "" }
    }

    @Test func theConsolidatedScriptKeepsEachPartitionsColumnOrder() throws {
        let model = try TestDatabase.model(after: Self.sql)
        let script = SchemaScript(model: model, header: SchemaScript.Header(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script.contains("CREATE TABLE IF NOT EXISTS \"public\".\"measurement_2021\" PARTITION OF"), "in its parent's order: made as one")
        #expect(script.contains("ATTACH PARTITION \"public\".\"measurement_2020\""), "in an order of its own: attached")
        try Proving.expectScriptRoundTrip(model, "partitions in orders of their own")
        try Proving.expectDumpsAgree(Self.sql, "partitions in orders of their own")
    }

    /// A partition of a parent with an identity column, made apart in another order and
    /// attached (18's regression suite, `pitest1_p2`): from 17 it shares its parent's identity
    /// and has none of its own, and is made apart and attached as well.
    @Test func aPartitionUnderAnIdentityKeepsItsOrder() throws {
        let sql = """
            CREATE TABLE pitest1 (f1 date NOT NULL, f2 text, f3 bigint GENERATED ALWAYS AS IDENTITY) PARTITION BY RANGE (f1);
            CREATE TABLE pitest1_p1 PARTITION OF pitest1 FOR VALUES FROM ('2016-07-01') TO ('2016-08-01');
            CREATE TABLE pitest1_p2 (f3 bigint, f2 text, f1 date NOT NULL);
            ALTER TABLE pitest1_p2 ALTER COLUMN f3 SET NOT NULL;
            ALTER TABLE pitest1 ATTACH PARTITION pitest1_p2 FOR VALUES FROM ('2016-08-01') TO ('2016-09-01');
            """
        try Proving.expectFileGivesItBack(sql, "a partition in its own order under an identity")
        _ = try Proving.plansBothWays("CREATE TABLE unrelated (id int);", sql)
    }

    /// A column added to a parent after its child was made comes last in the child; `CREATE
    /// TABLE … INHERITS` puts it among the parent's columns, and no statement puts it last
    /// without making it the child's own (it would stay when the parent drops it). pg_dump
    /// writes the same order; the script's proof holds the child to it, and every other
    /// table to its own order.
    @Test func anInheritanceChildTakesItsParentsLaterColumnWhereInheritsPutsIt() throws {
        let model = try TestDatabase.model(after: """
            CREATE TABLE parent (id int, p text);
            CREATE TABLE child (a int, b int) INHERITS (parent);
            CREATE TABLE grandchild (g int) INHERITS (child);
            ALTER TABLE parent ADD COLUMN z int;
            CREATE TABLE plain (c int, d int);
            """)
        #expect(model.tables.first { $0.name.name == "child" }?.columns.map(\.name) == ["id", "p", "a", "b", "z"])
        let reachable = SchemaScript.reachableColumnOrder(model)
        #expect(reachable.tables.first { $0.name.name == "child" }?.columns.map(\.name) == ["id", "p", "z", "a", "b"])
        #expect(reachable.tables.first { $0.name.name == "grandchild" }?.columns.map(\.name) == ["id", "p", "z", "a", "b", "g"])
        #expect(reachable.tables.first { $0.name.name == "plain" } == model.tables.first { $0.name.name == "plain" })
        try Proving.expectScriptRoundTrip(model, "a child's later column")
    }

    /// A plan that adds such partitions, and the parent they belong to, makes each in its order.
    @Test func aPlanAddsAPartitionInItsOwnOrder() throws {
        let original = try TestDatabase.make()
        defer { original.drop() }
        try original.connect().execute(Self.sql)
        let new = try Inspector().inspect(original.connect())
        let old = try TestDatabase.model(after: "CREATE TABLE unrelated (id int)")
        try Proving.expectPlanHolds(from: old, to: new, "partitions added")
        let database = try TestDatabase.make()
        defer { database.drop() }
        try database.connect().execute("CREATE TABLE unrelated (id int)")
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        try database.connect().execute("BEGIN;\n" + plan.statements.map { $0.sql + ";" }.joined(separator: "\n") + "\nCOMMIT;")
        #expect(try columns(database) == columns(original))
    }
}
