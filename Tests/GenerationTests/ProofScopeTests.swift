import Diff
import Release
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A proof loads the part of the source its plan can reach (`ProofScope`): the
/// objects the plan changes or names, what depends on them, what those need.
/// The base: a chain of tables, each referencing the one before, with a view,
/// a trigger, an index over a function and a partitioned table.
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
        CREATE INDEX t1_up_idx ON t1 (up);
        CREATE INDEX t2_up_idx ON t2 (up);
        COMMENT ON TABLE t1 IS 'a bystander';
        CREATE FUNCTION norm(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1';
        CREATE INDEX t3_norm_idx ON t3 (norm(id));
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
        // t1 is there for t2's key, a bystander: its own key to t0, its index and its comment are
        // left out, on both sides alike. t3's key to t2 stays; t2's index stays with its root.
        let restricted = scope.restrict(old)
        #expect(restricted.table("public", "t1")?.constraints.contains { $0.foreignKey != nil } == false)
        #expect(restricted.table("public", "t1")?.indexes.isEmpty == true && restricted.table("public", "t1")?.comment == nil)
        #expect(restricted.table("public", "t2")?.indexes.map(\.name) == ["t2_up_idx"])
        #expect(restricted.table("public", "t3")?.indexes.isEmpty == true)
        #expect(restricted.table("public", "t3")?.constraints.contains { $0.foreignKey?.referencedTable.name == "t2" } == true)
        #expect(restricted.table("public", "t0") == nil)
    }

    @Test func theProofOfAPlanLoadsOnlyItsScopeAndHolds() throws {
        let (old, new) = try models(Self.retype)
        let proof = try Proving.check().prove(Planner(from: old, to: new).plan(), from: old, to: new)
        #expect(proof.holds, "\(DiffRenderer.text(proof.leftover))")
        let scope = try #require(proof.scope)
        #expect(scope.objects == 5 && scope.of == 14)
    }

    @Test func aBystanderKeepsTheIndexesTiedToARoot() throws {
        // Its cost only: the same results, so the index over it stays (another body would make
        // the index again, `ValuesKeptTests.whatIsStoredFromAReplacedFunctionIsComputedAgain`).
        let (old, new) = try models("CREATE OR REPLACE FUNCTION norm(int) RETURNS int LANGUAGE sql IMMUTABLE COST 5 AS 'SELECT $1';")
        let plan = Planner(from: old, to: new).plan()
        let scope = try #require(ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new))
        // t3 depends on norm() through its index: it is there with that index and its trigger's function, without its key to t2.
        #expect(names(scope) == ["norm", "t3", "touch"])
        #expect(scope.restrict(old).table("public", "t3")?.indexes.map(\.name) == ["t3_norm_idx"])
        #expect(try Proving.check().prove(plan, from: old, to: new).holds)
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

    @Test func aPublicationOverAChangedTableIsThereToRefuseAStatement() throws {
        let publications = "CREATE PUBLICATION by_columns FOR TABLE t2 (id, amount); CREATE PUBLICATION bystander FOR TABLE t2, t5;"
        let old = try TestDatabase.model(after: Self.base + "\n" + publications)
        let new = try TestDatabase.model(after: Self.base + "\n" + publications + "\nALTER PUBLICATION by_columns DROP TABLE t2;\n"
                                         + Self.retype + "\nALTER PUBLICATION by_columns ADD TABLE t2 (id, amount);")
        // Without taking the table out of the publication, the server refuses the column's
        // change under its column list; the publication has no edge in the model. One that
        // publishes the table whole comes too, naming only the scope's tables (t5 stays out).
        var plan = Plan(statements: Self.retype.split(separator: "\n").map { Statement(String($0.dropLast())) })
        plan.changedObjects = [ObjectID(.table, QualifiedName(schema: "public", name: "t2"))]
        let scope = try #require(ProofScope(plan: plan, changed: plan.changedObjects ?? [], source: old, target: new))
        let published = Set(scope.objects.filter { $0.kind == .publication }.map(\.name))
        #expect(published == ["by_columns", "bystander"])
        #expect(!names(scope).contains("t5"))
        let bystander = try #require(scope.restrict(old).definedObjects.first { $0.name == "bystander" })
        #expect(bystander.publishedTables.map(\.table.name) == ["t2"], "\(bystander.definition)")
        #expect(throws: (any Error).self) { try Proving.check().prove(plan, from: old, to: new) }
        // The planner's own plan lets the publication go of the table around the change, and holds.
        let planned = Planner(from: old, to: new).plan()
        #expect(!planned.sql.contains("DROP PUBLICATION"), "\(planned.sql)")
        let proof = try Proving.check().prove(planned, from: old, to: new)
        #expect(proof.holds && proof.scope != nil, "\(planned.sql)")
    }

    /// A table made again leaves every publication with its drop: the scope loads the
    /// publications that name it, so a plan that does not give it back is refused there
    /// (the scope once left them out, and passed such a plan).
    @Test func aPublicationOfATableMadeAgainIsThereToSeeItLost() throws {
        let publication = "CREATE PUBLICATION whole FOR TABLE t5, t6;"
        let old = try TestDatabase.model(after: Self.base + "\n" + publication)
        let remake = "DROP VIEW t5_view; DROP TABLE t6; DROP TABLE t5; CREATE TABLE t5 (id int PRIMARY KEY, up int REFERENCES t4) PARTITION BY RANGE (id);"
            + " CREATE TABLE t6 (id int PRIMARY KEY, up int REFERENCES t5); CREATE VIEW t5_view AS SELECT id FROM t5;"
        let new = try TestDatabase.model(after: Self.base + "\n" + publication + "\n" + remake + " ALTER PUBLICATION whole ADD TABLE t5, t6;")
        let planned = Planner(from: old, to: new).plan()
        #expect(planned.sql.contains("ALTER PUBLICATION \"whole\" ADD TABLE ONLY public.t5"), "\(planned.sql)")
        let proof = try Proving.check().prove(planned, from: old, to: new)
        #expect(proof.holds && proof.scope != nil, "\(planned.sql)")
        // Without giving the table back, the scope's publication shows the loss.
        var lost = planned
        lost.statements.removeAll { $0.sql.hasPrefix("ALTER PUBLICATION") }
        let scope = try #require(ProofScope(plan: lost, changed: lost.changedObjects ?? [], source: old, target: new))
        #expect(scope.objects.contains(ObjectID(kind: .publication, schema: nil, name: "whole")))
        #expect(try !Proving.check().prove(lost, from: old, to: new).holds)
    }

    @Test func aStatementWhoseReachCannotBeReadIsProvedOnTheWholeSource() throws {
        let (old, new) = try models("DROP TABLE t6;")
        let plan = Plan(statements: [Statement("DROP TABLE public.t6 CASCADE")])
        #expect(ProofScope(plan: plan, changed: [ObjectID(.table, QualifiedName(schema: "public", name: "t6"))], source: old, target: new) == nil)
        let proof = try Proving.check().prove(plan, from: old, to: new)
        #expect(proof.holds && proof.scope == nil)
    }

    /// What the census names (a foreign table's storage parameters, which only a catalog update
    /// sets) no plan can make: where both sides hold it the proof does not ask the plan for it,
    /// where only the target does the plan is refused rather than losing it unseen.
    @Test func whatTheModelDoesNotHoldIsAskedOnlyWhereTheSourceLacksIt() throws {
        let base = "CREATE TABLE t (a int, b text); CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; "
            + "CREATE FOREIGN TABLE ft (a int) SERVER s;"
        let setting = " UPDATE pg_catalog.pg_class SET reloptions = '{fillfactor=50}' WHERE oid = 'ft'::regclass;"
        let both = (try TestDatabase.model(after: base + setting), try TestDatabase.model(after: base + setting + " ALTER TABLE t ADD c int;"))
        #expect(both.0.unmodelled.count == 1 && both.1.unmodelled.count == 1)
        try Proving.expectPlanHolds(from: both.0, to: both.1, "the setting on both sides")
        let onlyTarget = (try TestDatabase.model(after: base), try TestDatabase.model(after: base + setting))
        let proof = try Proving.check().prove(Planner(from: onlyTarget.0, to: onlyTarget.1).plan(), from: onlyTarget.0, to: onlyTarget.1)
        #expect(!proof.holds && proof.leftover.unmodelledAdded.count == 1, "\(DiffRenderer.text(proof.leftover))")
    }

    /// A setting of the database itself (a developer's `ALTER DATABASE dev SET timezone`) is the
    /// environment's, not the schema's: the target names it when read, and a plan of schema
    /// changes is not refused for leaving it out.
    @Test func aSettingOfTheTargetDatabaseDoesNotRefuseThePlan() throws {
        let base = "CREATE TABLE t (a int);"
        let setting = " DO $$ BEGIN EXECUTE pg_catalog.format('ALTER DATABASE %I SET timezone = %L', pg_catalog.current_database(), 'UTC'); END $$;"
        let (old, new) = (try TestDatabase.model(after: base), try TestDatabase.model(after: base + " ALTER TABLE t ADD b text;" + setting))
        #expect(new.unmodelled.map(\.description) == [#"setting of the database "TimeZone""#])
        let proof = try Proving.check().prove(Planner(from: old, to: new).plan(), from: old, to: new)
        #expect(proof.holds, "\(DiffRenderer.text(proof.leftover))")
    }
}
