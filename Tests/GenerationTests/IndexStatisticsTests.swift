import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An index expression's statistics target (`ALTER INDEX … ALTER COLUMN 2 SET STATISTICS 500`),
/// which no index definition holds, is read, written back by the schema script and changed in
/// place. A partitioned table's index passes its target to the indexes attached to it when it is
/// set, but not to a partition's made later: each holds its own.
@Suite struct IndexStatisticsTests {
    static func schema(_ targets: String) -> String {
        """
        create table t (a text, b int);
        create index t_expr on t (lower(a), (b + 1), b);
        create table p (a text) partition by list (a);
        create table p1 partition of p for values in ('x');
        create index p_lower on p (lower(a));
        create materialized view m as select a, b from t;
        create index m_twice on m ((b * 2));
        \(targets)
        create table p2 partition of p for values in ('y');
        create table e (r int4range, constraint e_excl exclude using gist (r with &&, (r * int4range(0, 100)) with &&));
        """
    }

    static let set = """
        alter index t_expr alter column 1 set statistics 100;
        alter index t_expr alter column 2 set statistics 0;
        alter index p_lower alter column 1 set statistics 10;
        alter index m_twice alter column 1 set statistics 300;
        """

    @Test func targetsAreReadByColumnAndWrittenBack() throws {
        let model = try TestDatabase.model(after: Self.schema(Self.set))
        let table = try #require(model.table("public", "t"))
        #expect(table.indexes.first?.statisticsTargets == [IndexStatisticsTarget(column: 1, target: 100), IndexStatisticsTarget(column: 2, target: 0)])
        #expect(model.table("public", "p1")?.indexes.first?.statisticsTargets == [IndexStatisticsTarget(column: 1, target: 10)])
        // Made after the parent's target was set: the partition's index has none.
        #expect(model.table("public", "p2")?.indexes.first?.statisticsTargets == nil)
        #expect(model.views.first?.indexes.first?.statisticsTargets == [IndexStatisticsTarget(column: 1, target: 300)])
        try Proving.expectScriptRoundTrip(model, "indexes with statistics targets")
    }

    @Test func targetsAloneChangeInPlaceBothWays() throws {
        let old = try TestDatabase.model(after: Self.schema("alter index t_expr alter column 2 set statistics 5;"))
        let new = try TestDatabase.model(after: Self.schema(Self.set))
        #expect(SchemaDiff(from: old, to: new).changes.map(\.id.name).sorted() == ["m_twice", "p1_lower_idx", "p_lower", "t_expr"])
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            #expect(!plan.statements.isEmpty && plan.statements.allSatisfy { $0.sql.hasPrefix("ALTER INDEX ") }, "\(plan.sql)")
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
        }
    }

    @Test func aConstraintsIndexTargetIsNamedAsUnmodelled() throws {
        let model = try TestDatabase.model(after: Self.schema("") + "alter index e_excl alter column 2 set statistics 50;")
        #expect(model.unmodelled.map(\.kind) == ["statistics target of a constraint's index column"])
        #expect(model.unmodelled.map(\.name) == ["\"public\".\"e_excl\""])
    }

    /// A partition the plan makes gets its parent's indexes copied by the server without their
    /// statistics targets: a partition made where the target holds them (the parent's target
    /// set while it was attached, then detached and made again) has them set after. A random
    /// history found it (a partition dropped and given back).
    @Test func aPartitionMadeAgainGetsItsIndexTargetsBack() throws {
        let base = """
            create table p (a text) partition by list (a);
            create table p1 partition of p for values in ('x');
            create table p2 partition of p for values in ('y');
            create index p_lower on p (lower(a));
            alter index p_lower alter column 1 set statistics 10;
            """
        let plans = try Proving.plansBothWays(base + "alter table p detach partition p2; drop table p2;", base)
        #expect(plans[0].sql.contains(#"ALTER INDEX "public"."p2_lower_idx" ALTER COLUMN 1 SET STATISTICS 10;"#), "\(plans[0].sql)")
    }
}
