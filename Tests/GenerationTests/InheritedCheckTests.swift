import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A check an inheritance child declares itself as well as inherits stays on the child when its
/// parent drops it; one it only inherits goes with the parent's. The model holds which is which
/// (`Constraint.inheritedAndLocal`), the script writes it, a plan makes it.
@Suite struct InheritedCheckTests {
    static let declaredToo = """
        CREATE TABLE parent (id int, CONSTRAINT positive CHECK (id > 0));
        CREATE TABLE declares (x int, CONSTRAINT positive CHECK (id > 0)) INHERITS (parent);
        CREATE TABLE inherits_only () INHERITS (parent);
        """

    @Test func aChildsCheckDeclaredAndInheritedIsReadAndWrittenSo() throws {
        let model = try TestDatabase.model(after: Self.declaredToo)
        let checks = { (table: String) in model.tables.first { $0.name.name == table }?.constraints.map { [$0.name, "\($0.inheritedAndLocal == true)"] } }
        #expect(checks("declares") == [["positive", "true"]])
        #expect(checks("inherits_only") == [["positive", "false"]])
        #expect(checks("parent") == [["positive", "false"]])
        try Proving.expectScriptRoundTrip(model, "a check declared and inherited")
        try Proving.expectDumpsAgree(Self.declaredToo, "a check declared and inherited")
    }

    /// A parent's check added after its children (NOT VALID, so not written inside the parent's
    /// CREATE TABLE) reaches them as inherited only: the script makes it on the parent alone
    /// (PostgreSQL's regression suite, `nv_parent`).
    /// A parent's check dropped takes the copies only inherited with it (no `DROP CONSTRAINT IF
    /// EXISTS` of their own, which only said they were gone); a copy the child declares too stays,
    /// and is dropped by its own statement. A check over a column that goes is dropped before it.
    @Test func aParentsDroppedCheckTakesItsCopiesWithIt() throws {
        let withoutCheck = """
            CREATE TABLE parent (id int, n int);
            CREATE TABLE declares (x int) INHERITS (parent);
            CREATE TABLE inherits_only () INHERITS (parent);
            CREATE TABLE m (id int, k int) PARTITION BY LIST (k);
            CREATE TABLE m_1 PARTITION OF m FOR VALUES IN (1);
            """
        let plans = try Proving.plansBothWays(withoutCheck + """
            ALTER TABLE parent ADD COLUMN score int CONSTRAINT score_range CHECK (score BETWEEN 0 AND 100);
            ALTER TABLE declares ADD CONSTRAINT positive CHECK (id > 0); ALTER TABLE parent ADD CONSTRAINT positive CHECK (id > 0);
            ALTER TABLE m ADD CONSTRAINT m_positive CHECK (id > 0);
            """, withoutCheck)
        let drops = plans[0].statements.map(\.sql).flatMap { $0.split(separator: "\n") }.filter { $0.contains(" DROP ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(drops.filter { $0.contains("DROP CONSTRAINT") }.count == 4, "parent's two, declares' own, m's: \(plans[0].sql)")
        #expect(!drops.contains { $0.contains("inherits_only") || $0.contains("m_1") }, "\(plans[0].sql)")
        let rangeDrop = try #require(drops.firstIndex { $0.contains(#""score_range""#) })
        #expect(rangeDrop < (drops.firstIndex { $0.contains(#"DROP COLUMN IF EXISTS "score""#) } ?? 0), "\(plans[0].sql)")
    }

    @Test func aParentsLaterCheckStaysInheritedOnlyOnItsChildren() throws {
        let sql = """
            CREATE TABLE nv_parent (d date);
            CREATE TABLE nv_child_2009 (CHECK (d BETWEEN '2009-01-01'::date AND '2009-12-31'::date)) INHERITS (nv_parent);
            CREATE TABLE nv_child_2010 () INHERITS (nv_parent);
            ALTER TABLE nv_parent ADD CHECK (d BETWEEN '2001-01-01'::date AND '2099-12-31'::date) NOT VALID;
            """
        let model = try TestDatabase.model(after: sql)
        #expect(model.tables.flatMap(\.constraints).allSatisfy { $0.inheritedAndLocal == nil })
        try Proving.expectScriptRoundTrip(model, "a parent's later check")
        try Proving.expectPlanHolds(from: DatabaseModel(), to: model, "a parent's later check")
        try Proving.expectDumpsAgree(sql, "a parent's later check")
    }

    /// A child that now declares a check it inherited, and a child whose parent gains a check it
    /// had of its own: in place.
    @Test func aPlanMakesAChildDeclareAnInheritedCheck() throws {
        let old = try TestDatabase.model(after: """
            CREATE TABLE parent (id int, CONSTRAINT positive CHECK (id > 0));
            CREATE TABLE declares (x int) INHERITS (parent);
            CREATE TABLE other (id int);
            CREATE TABLE own_first (CONSTRAINT small CHECK (id < 10)) INHERITS (other);
            """)
        let new = try TestDatabase.model(after: """
            CREATE TABLE parent (id int, CONSTRAINT positive CHECK (id > 0));
            CREATE TABLE declares (x int, CONSTRAINT positive CHECK (id > 0)) INHERITS (parent);
            CREATE TABLE other (id int);
            CREATE TABLE own_first (CONSTRAINT small CHECK (id < 10)) INHERITS (other);
            ALTER TABLE other ADD CONSTRAINT small CHECK (id < 10);
            """)
        #expect(old.tables.first { $0.name.name == "own_first" }?.constraints.first?.inheritedAndLocal == nil)
        #expect(new.tables.first { $0.name.name == "own_first" }?.constraints.first?.inheritedAndLocal == true)
        let plan = Planner(from: old, to: new).plan()
        #expect(!plan.sql.contains("DROP"), "\(plan.sql)")
        try Proving.expectPlanHolds(from: old, to: new, "declared too")
    }

    /// A partition that was there when its parent's `NOT VALID` check came holds it `NOT VALID`
    /// too; made by `PARTITION OF` its copy would be valid. It is made apart, given the check
    /// `NOT VALID`, and attached (the attach merges it as it is).
    @Test func aPartitionHoldingItsParentsCheckNotValidIsMadeAgainSo() throws {
        let tree = """
            create table pt (id int not null, n int) partition by range (id);
            create table p1 partition of pt for values from (0) to (1000);
            alter table pt add constraint n_positive check (n >= 0) not valid;
            create table p2 partition of pt for values from (1000) to (2000);
            """
        let plans = try Proving.plansBothWays(tree, tree + "drop table p1;")
        #expect(plans[1].sql.contains(#"ADD CONSTRAINT "n_positive" CHECK ((n >= 0)) NOT VALID"#), "\(plans[1].sql)")
        try Proving.expectScriptRoundTrip(try TestDatabase.model(after: tree), "a partition's check not valid")
    }

    /// An inheritance parent renamed (dropped and made again, without `--rename`): its children
    /// leave it and join the new one, whose checks they must hold inherited only, as before.
    /// `INHERIT` would merge them with the children's own copies (theirs once they left), declared
    /// locally for good: the copies are dropped and the new parent's checks added after the join
    /// (a child that declares one itself too keeps its own, for the new parent's to merge with).
    @Test func aRenamedParentsChecksReachItsChildrenInheritedOnly() throws {
        let family = """
            create table parent (id int primary key, n int, constraint n_positive check (n >= 0), constraint small check (n < 1000));
            create table child_a (x int) inherits (parent);
            create table child_b () inherits (parent);
            create table declares (constraint small check (n < 1000)) inherits (parent);
            """
        let plans = try Proving.plansBothWays(family, family + "alter table parent rename to renamed;")
        // The child that declares a check too keeps its own through the move, for the new parent's to merge with.
        let drops = { (table: String, check: String) in
            plans[0].statements.contains { $0.sql.hasPrefix("ALTER TABLE \"public\".\"\(table)\"") && $0.sql.contains("DROP CONSTRAINT \"\(check)\"") }
        }
        #expect(!drops("declares", "small"), "\(plans[0].sql)")
        #expect(drops("child_a", "n_positive"), "\(plans[0].sql)")
        let create = try #require(plans[0].statements.first { $0.sql.hasPrefix(#"CREATE TABLE "public"."renamed""#) })
        #expect(!create.sql.contains("CHECK"), "\(create.sql)")
    }

    /// A parent's `NOT VALID` check over a column whose type changes is made again by the server
    /// `NOT VALID`, and so are its children's copies, valid before (the children came after it):
    /// nothing on a child makes that (the server refuses to drop an inherited check), the
    /// parent's change does. Back, the child's copy is validated.
    @Test func aChildsCopyBecomesNotValidWithItsParentsCheck() throws {
        let family = """
            create table parent (id int, n int);
            alter table parent add constraint n_positive check (n >= 0) not valid;
            create table child (x int) inherits (parent);
            """
        let plans = try Proving.plansBothWays(family, family + "alter table parent alter column n type bigint;")
        #expect(!plans[0].sql.contains("child\" DROP CONSTRAINT"), "\(plans[0].sql)")
        #expect(plans[1].sql.contains(#"ALTER TABLE "public"."child" VALIDATE CONSTRAINT "n_positive""#), "\(plans[1].sql)")
    }

    /// A child made again that held its parent's check `NOT VALID` (it was there when the check
    /// came): `INHERITS` would give it a valid copy. The parent's check is added again after it,
    /// `NOT VALID`, and the sibling made after the check, whose copy is valid, is validated.
    @Test func aChildMadeAgainHoldsItsParentsCheckNotValid() throws {
        let family = """
            create table parent (id int, n int);
            create table older (x int) inherits (parent);
            alter table parent add constraint n_positive check (n >= 0) not valid;
            create table younger () inherits (parent);
            """
        let plans = try Proving.plansBothWays(family, family + "drop table older;")
        #expect(plans[1].sql.contains(#"ALTER TABLE "public"."parent" ADD CONSTRAINT "n_positive" CHECK ((n >= 0)) NOT VALID"#), "\(plans[1].sql)")
        #expect(plans[1].sql.contains(#"ALTER TABLE "public"."younger" VALIDATE CONSTRAINT "n_positive""#), "\(plans[1].sql)")
    }

    /// A table that comes to inherit from a parent gets the parent's checks first: `INHERIT`
    /// asks the child for them ("child table is missing constraint"), and the plan added them
    /// after.
    @Test func aTableThatComesToInheritGetsItsParentsChecksFirst() throws {
        let base = """
            create table par (a int not null, b text, constraint a_pos check (a > 0));
            create table ch (a int, b text, c int);
            """
        let plans = try Proving.plansBothWays(base, base + """
            alter table ch alter column a set not null;
            alter table ch add constraint a_pos check (a > 0);
            alter table ch inherit par;
            """)
        let forward = plans[0].statements.map(\.sql)
        let inherit = try #require(forward.firstIndex { $0.hasSuffix(#"INHERIT "public"."par";"#) }, "\(plans[0].sql)")
        #expect(forward.prefix(inherit).contains { $0.contains(#"ADD CONSTRAINT "a_pos" CHECK"#) }, "\(plans[0].sql)")
    }
}
