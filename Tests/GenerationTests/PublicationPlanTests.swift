import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A publication's tables and options change in place: one dropped and made again is not
/// found by a subscriber's walsender decoding changes written before it was made again, and
/// logical replication stops until the slot has moved past it.
@Suite struct PublicationPlanTests {
    static let tables = """
        create table a (id int primary key, x int, y text); create table b (id int primary key); create table c (id int primary key);
        create table p (id int, at date) partition by range (at);
        create table p1 partition of p for values from ('2024-01-01') to ('2025-01-01');
        """

    private func plans(_ before: String, _ after: String) throws -> [Plan] {
        try Proving.plansBothWays(Self.tables + before, Self.tables + after, trusted: true)
    }

    private func madeAgain(_ plan: Plan) -> Bool {
        plan.statements.contains { $0.sql.contains("DROP PUBLICATION") || $0.sql.hasPrefix("CREATE PUBLICATION") }
    }

    @Test func tablesAddedAndRemovedAndOptionsChangedAreAlteredInPlace() throws {
        let plans = try plans("""
            create publication crm for table a;
            create publication events for table p, b with (publish = 'insert', publish_via_partition_root = true);
            create publication bare;
            """, """
            create publication crm for table a, b, c;
            create publication events for table p;
            create publication bare with (publish = 'insert, update');
            """)
        for plan in plans {
            #expect(!madeAgain(plan), "\(plan.sql)")
            #expect(plan.statements.contains { $0.sql.hasPrefix("ALTER PUBLICATION \"events\" SET (") }, "\(plan.sql)")
            #expect(plan.dataLoss.isEmpty)
        }
        // Back to the defaults: the option the target leaves out is written out.
        #expect(plans[0].sql.contains("publish_via_partition_root = false"), "\(plans[0].sql)")
    }

    @Test func schemasOfAPublicationAreSetInPlace() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // TABLES IN SCHEMA came in 15
        let plans = try plans("create schema s; create table s.t (id int); create publication crm for tables in schema s;",
                              "create schema s; create table s.t (id int); create publication crm for table a, tables in schema s, public;")
        for plan in plans { #expect(!madeAgain(plan), "\(plan.sql)") }
    }

    /// Where no statement reaches (all tables given or taken, every table taken away), it is made again, and proved.
    @Test func whatNoStatementReachesIsMadeAgain() throws {
        let cases = [
            ("create publication crm for table a;", "create publication crm for all tables;"),
            ("create publication crm for table a, b;", "create publication crm;"),
        ]
        for (before, after) in cases {
            let plans = try plans(before, after)
            #expect(madeAgain(plans[0]), "\(plans[0].sql)")
        }
    }

    /// A table whose column a column list or row filter names, dropped or retyped, is let go of
    /// before and taken back after (the server refuses either under the publication), in place
    /// whether the publication changes too or not; a table made again is taken back after its
    /// drop took it out. A column no list or filter names changes under the publication alone.
    @Test func aTableChangedUnderAPublicationIsLetGoOfAndTakenBack() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // column lists and row filters came in 15
        let has = { (plan: Plan, start: String) in plan.statements.contains { $0.sql.hasPrefix("ALTER PUBLICATION \"crm\" " + start) } }
        let cases = [
            // A column list's column retyped; a row filter's column retyped while an option changes.
            ("create publication crm for table a (id, x), b;", "alter table a alter column x type bigint; create publication crm for table a (id, x), b;",
             "ADD TABLE ONLY public.a (id, x)"),
            ("create publication crm for table a where (x is not null) with (publish = 'insert');",
             "alter table a alter column x type numeric; create publication crm for table a where (x is not null);", "ADD TABLE ONLY public.a WHERE"),
        ]
        for (before, after, givenBack) in cases {
            for plan in try plans(before, after) {
                #expect(!madeAgain(plan) && has(plan, "DROP TABLE ONLY \"public\".\"a\"") && has(plan, givenBack), "\(plan.sql)")
            }
        }
        // A column list's column dropped while the list changes: taken back by SET.
        let dropped = try plans("create publication crm for table a (id, x) where (x > 0);",
                                "alter table a drop column x; create publication crm for table a (id, y) with (publish = 'insert');")
        #expect(has(dropped[0], "DROP TABLE ONLY \"public\".\"a\"") && has(dropped[0], "SET TABLE ONLY public.a (id, y)"), "\(dropped[0].sql)")
        for plan in dropped { #expect(!madeAgain(plan), "\(plan.sql)") }
        let bystander = try plans("create publication crm for table a (id, x), b;",
                                  "alter table a alter column y type varchar(20); create publication crm for table a (id, x), b;")
        for plan in bystander { #expect(!plan.sql.contains("PUBLICATION"), "\(plan.sql)") }
        let remade = try plans("create publication crm for table c, b;",
                               "drop table c; create table c (id int, at date) partition by range (at); create publication crm for table c, b;")
        for plan in remade {
            #expect(!madeAgain(plan), "\(plan.sql)")
            #expect(has(plan, "ADD TABLE ONLY public.c"), "\(plan.sql)")
        }
    }

    /// A plan that runs outside a transaction (`--online` builds its index concurrently) says, on
    /// the statement that lets go of a table, that its rows are not published until it is given
    /// back; in one transaction no one sees the gap, and the plan does not say it.
    @Test func aTableLetGoOfOutsideATransactionIsMarkedAsNotPublished() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // column lists came in 15
        let (before, after) = ("create publication crm for table a (id, x);",
                               "alter table a alter column x type bigint; create index on b (id); create publication crm for table a (id, x);")
        let unpublished = { (plan: Plan) in
            plan.statements.filter { $0.hazards.contains { if case .unpublished = $0 { return true } else { return false } } }
        }
        for plan in try Proving.plansBothWays(Self.tables + before, Self.tables + after, online: true, trusted: true) {
            #expect(plan.needsNoTransaction, "\(plan.sql)")
            let marked = unpublished(plan)
            #expect(marked.count == 1 && marked[0].sql.hasPrefix("ALTER PUBLICATION \"crm\" DROP TABLE ONLY \"public\".\"a\""), "\(plan.sql)")
            #expect(plan.sql.contains("-- hazard: publication \"crm\" does not publish \"public\".\"a\" until the plan gives it back"), "\(plan.sql)")
        }
        for plan in try plans(before, after) {
            #expect(!plan.needsNoTransaction && unpublished(plan).isEmpty, "\(plan.sql)")
        }
    }

    /// A column list or row filter whose columns the plan leaves alone changes in place (a
    /// publication made again stops logical replication), the new list naming a column the plan
    /// adds (after it is added), and a table's list changed while another table of the
    /// publication loses a column no list names.
    @Test func columnListsAndRowFiltersOverColumnsThatStayChangeInPlace() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // column lists and row filters came in 15
        let plans = try plans("create publication crm for table a (id, x) where (x > 0), b;",
                              "alter table a add column z int; alter table b add column w int;"
                                + "create publication crm for table a (id, z) where (id > 5), b;")
        #expect(!madeAgain(plans[0]), "\(plans[0].sql)")
        // Back: the old list names z, which goes: the table is let go of before the column is dropped.
        #expect(!madeAgain(plans[1]) && plans[1].sql.contains("DROP TABLE ONLY \"public\".\"a\""), "\(plans[1].sql)")
        let others = try self.plans("alter table b add column gone int; create publication crm for table a (id, x), b;",
                                    "create publication crm for table a (id, y), b;")
        for plan in others { #expect(!madeAgain(plan), "\(plan.sql)") }
    }

    /// A table renamed (`--rename`) while a column its publication's column list names is
    /// retyped: the rename reaches the publication, and the table is let go of by its new name.
    @Test func aRenamedTableIsLetGoOfByItsNewName() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // column lists came in 15
        let old = try TestDatabase.model(after: "create table contacts (id int primary key, score smallint); create publication crm for table contacts (id, score);")
        let new = try TestDatabase.model(after: "create table people (id int primary key, score integer); create publication crm for table people (id, score);")
        let rename = Rename(table: QualifiedName(schema: "public", name: "contacts"), newName: "people")
        try Proving.expectPlanHolds(from: old, to: new, "renamed forward", renames: [rename])
        // Back, the column narrows (data loss by itself): proved, not asked to lose nothing.
        let back = Planner(from: new, to: old, options: PlanOptions(renames: Rename.reversed([rename]), serverMajor: try ServerFeatures.major())).plan()
        #expect(try Proving.check().prove(back, from: new, to: old).holds, "\(back.sql)")
        let plan = Planner(from: old, to: new, options: PlanOptions(renames: [rename])).plan()
        #expect(plan.sql.contains("ALTER PUBLICATION \"crm\" DROP TABLE ONLY \"public\".\"people\"") && !madeAgain(plan), "\(plan.sql)")
    }

    /// A column renamed (`--rename`) under a column list and a row filter: the publication holds
    /// it by number and prints the new name; the plan renames the column and nothing else.
    @Test func aColumnRenamedUnderAPublicationNeedsNoPublicationStatement() throws {
        guard try ServerFeatures.major() >= 15 else { return }  // column lists and row filters came in 15
        let old = try TestDatabase.model(after: "create table contacts (id int primary key, score smallint); "
                                         + "create publication crm for table contacts (id, score) where (score > 0);")
        let new = try TestDatabase.model(after: "create table contacts (id int primary key, rating smallint); "
                                         + "create publication crm for table contacts (id, rating) where (rating > 0);")
        let rename = Rename(table: QualifiedName(schema: "public", name: "contacts"), column: "score", newName: "rating")
        try Proving.expectPlanHolds(from: old, to: new, "renamed", renames: [rename])
        let plan = Planner(from: old, to: new, options: PlanOptions(renames: [rename])).plan()
        #expect(plan.statements.count == 1 && !plan.sql.contains("PUBLICATION"), "\(plan.sql)")
    }
}
