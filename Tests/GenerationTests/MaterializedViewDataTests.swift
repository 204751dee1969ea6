import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A materialized view made `WITH NO DATA` holds no rows until it is refreshed, and a scan of
/// it fails. The consolidated file and a plan that makes it again make it so: filled, it would
/// run its query (on production, over every row it reads) and answer where it failed before.
/// Whether it holds data is the view's data, not its schema: a diff does not compare it.
@Suite struct MaterializedViewDataTests {
    static let schema = """
        create table t (a int, b text);
        create materialized view empty_m as select a, b from t with no data;
        create materialized view full_m as select a from t;
        create index empty_m_a on empty_m (a);
        """

    static func populated(_ model: DatabaseModel) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: model.views.map { ($0.name.name, $0.withNoData != true) })
    }

    @Test func whetherItHoldsDataIsReadAndTheDiffLeavesItOut() throws {
        let model = try TestDatabase.model(after: Self.schema)
        #expect(Self.populated(model) == ["empty_m": false, "full_m": true])
        let refreshed = try TestDatabase.model(after: Self.schema + "refresh materialized view empty_m; refresh materialized view full_m with no data;")
        #expect(Self.populated(refreshed) == ["empty_m": true, "full_m": false])
        #expect(SchemaDiff(from: model, to: refreshed).isEmpty)
    }

    @Test func theSchemaScriptMakesItEmptyAgain() throws {
        let model = try TestDatabase.model(after: Self.schema)
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script.contains("WITH NO DATA"), "\(script)")
        // Applied twice (the second run finds it and leaves it alone), then read back.
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(script)
        try connection.execute(script)
        #expect(Self.populated(try Inspector().inspect(connection)) == ["empty_m": false, "full_m": true])
        try Proving.expectScriptRoundTrip(model, "a materialized view with no data")
    }

    /// A new materialized view over a table that exists is filled from its rows; over one the plan
    /// makes, or made with no data, or from nothing (the consolidated file), it reads none.
    @Test func aPlanSaysWhenAMaterializedViewIsFilledFromRows() throws {
        let old = try TestDatabase.model(after: "create table t (a int);")
        let new = try TestDatabase.model(after: """
            create table t (a int); create table u (b int);
            create view v as select a from t;
            create materialized view over_t as select a from v;
            create materialized view over_u as select b from u;
            create materialized view empty_t as select a from t with no data;
            """)
        let plan = Planner(from: old, to: new).plan()
        let filled = plan.statements.filter { $0.sql.hasPrefix("CREATE MATERIALIZED VIEW") }
            .filter { !$0.hazards.isEmpty }.map(\.hazards)
        #expect(filled == [[.fill(QualifiedName(schema: "public", name: "over_t"))]], "\(plan.sql)")
        #expect(plan.sql.contains("-- hazard: \"public\".\"over_t\" is filled: its query runs over the rows it reads\n"))
        #expect(Planner(from: DatabaseModel(), to: new).plan().statements.allSatisfy { $0.hazards.isEmpty })
    }

    /// An index of a materialized view the plan fills from rows is built over those rows; one
    /// of a view the plan fills from nothing, or makes empty, builds over none.
    @Test func anIndexOfAViewFilledFromRowsIsAnIndexBuild() throws {
        let old = try TestDatabase.model(after: "create table t (a int);")
        let new = try TestDatabase.model(after: """
            create table t (a int); create table u (b int);
            create materialized view over_t as select a from t; create index over_t_a on over_t (a);
            create materialized view over_u as select b from u; create index over_u_b on over_u (b);
            create materialized view empty_t as select a from t with no data; create index empty_t_a on empty_t (a);
            """)
        let plan = Planner(from: old, to: new, options: PlanOptions(online: true)).plan()
        let indexes = plan.statements.filter { $0.sql.hasPrefix("CREATE INDEX") }
        #expect(indexes.count == 3, "\(plan.sql)")
        #expect(indexes.filter { !$0.hazards.isEmpty }.map(\.hazards) == [[.indexBuild(QualifiedName(schema: "public", name: "over_t"))]],
                "\(plan.sql)")
        #expect(indexes.allSatisfy { !$0.sql.contains("CONCURRENTLY") && !$0.outsideTransaction })
        #expect(Planner(from: DatabaseModel(), to: new).plan().statements.allSatisfy { $0.hazards.isEmpty })
    }

    @Test func aPlanThatMakesItAgainKeepsItEmpty() throws {
        let old = try TestDatabase.model(after: Self.schema)
        let new = try TestDatabase.model(after: Self.schema.replacingOccurrences(of: "(a int, b text)", with: "(a bigint, b text)"))
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        let remade = try #require(plan.statements.first { $0.sql.hasPrefix("CREATE MATERIALIZED VIEW \"public\".\"empty_m\"") })
        #expect(remade.sql.contains("\nWITH NO DATA"), "\(plan.sql)")
        // Made again with its data, the other runs its query over the table's rows: the plan says so.
        let refilled = try #require(plan.statements.first { $0.sql.hasPrefix("CREATE MATERIALIZED VIEW \"public\".\"full_m\"") })
        #expect(refilled.hazards == [.fill(QualifiedName(schema: "public", name: "full_m"))] && remade.hazards.isEmpty)
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(Self.schema)
        try connection.execute(plan.sql)
        #expect(Self.populated(try Inspector().inspect(connection)) == ["empty_m": false, "full_m": true])
        try Proving.expectPlanHolds(from: old, to: new, "a column retyped under a materialized view with no data")
    }
}
