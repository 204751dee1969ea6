import Diff
import Release
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A proof loads the part of the source its plan can reach (`ProofScope`): the
/// objects the plan changes or names, what depends on them, what those need.
/// The base: a chain of tables, each referencing the one before, with a view,
/// a trigger and a partitioned table.
@Suite struct ProofScopeTests {
    static let base = """
        CREATE TABLE t0 (id int PRIMARY KEY);
        CREATE TABLE t1 (id int PRIMARY KEY, up int REFERENCES t0);
        CREATE TABLE t2 (id int PRIMARY KEY, up int REFERENCES t1, amount numeric(10,2));
        CREATE TABLE t3 (id int PRIMARY KEY, up int REFERENCES t2);
        CREATE TABLE t4 (id int PRIMARY KEY, up int REFERENCES t3);
        CREATE TABLE t5 (id int PRIMARY KEY, up int REFERENCES t4);
        CREATE TABLE t6 (id int PRIMARY KEY, up int REFERENCES t5);
        CREATE VIEW t2_view AS SELECT id, amount FROM t2;
        CREATE VIEW t5_view AS SELECT id FROM t5;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER t3_touch BEFORE UPDATE ON t3 FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE TABLE p (id int, k int) PARTITION BY RANGE (k);
        CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (id);
        CREATE TABLE p11 PARTITION OF p1 FOR VALUES FROM (0) TO (10);
        """

    /// A column under a view changes type: the view is rebuilt around it.
    static let retype = """
        DROP VIEW t2_view;
        ALTER TABLE t2 ALTER COLUMN amount TYPE numeric(14,2);
        CREATE VIEW t2_view AS SELECT id, amount FROM t2;
        """

    func models(_ change: String) throws -> (DatabaseModel, DatabaseModel) {
        (try TestDatabase.model(after: Self.base), try TestDatabase.model(after: Self.base + "\n" + change))
    }

    func names(_ scope: ProofScope) -> Set<String> { Set(scope.objects.filter { $0.schema == "public" }.map(\.name)) }

    @Test func aChangeReachesWhatDependsOnItAndWhatThatNeedsNotTheRestOfAForeignKeyChain() throws {
        let (old, new) = try models(Self.retype)
        let plan = Planner(from: old, to: new).plan()
        let scope = try #require(ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new))
        // t2 changes; its view and t3 (a key to it) depend on it; t1 it references; touch() t3's trigger calls.
        #expect(names(scope) == ["t1", "t2", "t3", "t2_view", "touch"])
        // t1 is there for t2's key: its own key to t0 is left out, on both sides alike. t3's key to t2 stays.
        let restricted = scope.restrict(old)
        #expect(restricted.table("public", "t1")?.constraints.contains { $0.foreignKey != nil } == false)
        #expect(restricted.table("public", "t3")?.constraints.contains { $0.foreignKey?.referencedTable.name == "t2" } == true)
        #expect(restricted.table("public", "t0") == nil)
    }

    @Test func theProofOfAPlanLoadsOnlyItsScopeAndHolds() throws {
        let (old, new) = try models(Self.retype)
        let proof = try Proving.check().prove(Planner(from: old, to: new).plan(), from: old, to: new)
        #expect(proof.holds, "\(DiffRenderer.text(proof.leftover))")
        let scope = try #require(proof.scope)
        #expect(scope.objects == 5 && scope.of == 13)
    }

    @Test func aTableReachesItsPartitionsAtAnyDepth() throws {
        let (old, new) = try models("ALTER TABLE p ADD COLUMN note text;")
        let plan = Planner(from: old, to: new).plan()
        let scope = try #require(ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new))
        #expect(names(scope) == ["p", "p1", "p11"])
        #expect(try Proving.check().prove(plan, from: old, to: new).holds)
    }

    @Test func aStatementOnAnObjectTheDiffDoesNotChangeIsSeen() throws {
        let (old, new) = try models(Self.retype)
        var plan = Planner(from: old, to: new).plan()
        plan.statements.append(Statement("DROP VIEW IF EXISTS public.t5_view"))
        let proof = try Proving.check().prove(plan, from: old, to: new)
        #expect(!proof.holds)
        #expect(proof.leftover.changes.map(\.id.name) == ["t5_view"])
    }

    @Test func aDependentTheDiffDoesNotChangeIsThereToRefuseAStatement() throws {
        let (old, new) = try models(Self.retype)
        // Without rebuilding the view, the server refuses to change the column's type under it.
        var plan = Plan(statements: [Statement("ALTER TABLE public.t2 ALTER COLUMN amount TYPE numeric(14,2)")])
        plan.changedObjects = [ObjectID(.table, QualifiedName(schema: "public", name: "t2"))]
        let scope = try #require(ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new))
        #expect(names(scope).contains("t2_view"))
        #expect(throws: (any Error).self) { try Proving.check().prove(plan, from: old, to: new) }
    }

    @Test func aStatementWhoseReachCannotBeReadIsProvedOnTheWholeSource() throws {
        let (old, new) = try models("DROP TABLE t6;")
        let plan = Plan(statements: [Statement("DROP TABLE public.t6 CASCADE")])
        #expect(ProofScope(plan: plan, changed: [ObjectID(.table, QualifiedName(schema: "public", name: "t6"))], source: old, target: new) == nil)
        let proof = try Proving.check().prove(plan, from: old, to: new)
        #expect(proof.holds && proof.scope == nil)
    }
}
