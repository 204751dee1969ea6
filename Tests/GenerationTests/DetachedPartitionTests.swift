import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A partition that leaves its parent keeps what it had from it: its key and indexes (detached
/// with it) and the clones of its parent's foreign keys, under the names the server gave them
/// when it was attached, which the model does not hold.
@Suite struct DetachedPartitionTests {
    static let tree = """
        create table t1 (id int primary key);
        create table pt (id int not null, r int, note text, primary key (id)) partition by range (id);
        create index pt_note on pt (note);
        alter table pt add constraint pt_r_fk foreign key (r) references t1 (id);
        create table p1 partition of pt for values from (0) to (1000);
        create table p2 partition of pt for values from (1000) to (2000);
        """

    /// Runs `history` on a new database, then the plan from its model to the model of `target`
    /// there (not on a scratch copy built from the model: the server's names for the clones come
    /// from the history), and checks the result is the target.
    private func planOnTheDatabaseItself(history: String, rows: String, target: String) throws -> String {
        let wanted = try TestDatabase.make()
        defer { wanted.drop() }
        try wanted.connect().execute(target)
        let new = try Inspector().inspect(wanted.connect())
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(history)
        try connection.execute(rows)
        let old = try Inspector().inspect(connection)
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        try connection.execute("BEGIN;\n" + plan.statements.map { $0.sql + ";" }.joined(separator: "\n") + "\nCOMMIT;")
        #expect(try Inspector().inspect(connection) == new, "the plan gives the target:\n\(plan.sql)")
        #expect(try connection.query("select count(*) from p2").rows.first?.values.first == "1", "the detached partition keeps its row")
        return plan.sql
    }

    @Test func aDetachedPartitionKeepsItsKeyIndexesAndForeignKeysWithNothingBuiltAgain() throws {
        let plans = try Proving.plansBothWays(Self.tree, Self.tree + "alter table pt detach partition p2;")
        #expect(!plans[0].statements.contains { $0.hazards.contains { if case .indexBuild = $0 { true } else { false } } }, "\(plans[0].sql)")
        #expect(!plans[0].sql.contains("ADD CONSTRAINT"), "\(plans[0].sql)")
        let sql = try planOnTheDatabaseItself(history: Self.tree, rows: "insert into t1 values (1); insert into pt values (1500, 1, 'x');",
                                              target: Self.tree + "alter table pt detach partition p2;")
        #expect(!sql.contains("CREATE INDEX"), "\(sql)")
    }

    /// The parent's key renamed after the partition came: the clone keeps the old name, which the
    /// plan finds by the key's definition and gives the target's; a clone the target does not
    /// have goes.
    @Test func aCloneUnderAnOldNameTakesTheTargetsAndOneNotWantedGoes() throws {
        let history = Self.tree + """
            alter table pt rename constraint pt_r_fk to pt_r_fk_renamed;
            create table t2 (id int primary key);
            alter table pt add column s int constraint pt_s_fk references t2 (id);
            """
        let target = """
            create table t1 (id int primary key);
            create table t2 (id int primary key);
            create table pt (id int not null, r int, note text, s int, primary key (id)) partition by range (id);
            create index pt_note on pt (note);
            alter table pt add constraint pt_r_fk_renamed foreign key (r) references t1 (id);
            alter table pt add constraint pt_s_fk foreign key (s) references t2 (id);
            create table p1 partition of pt for values from (0) to (1000);
            create table p2 (id int not null, r int, note text, s int, primary key (id));
            create index p2_note_idx on p2 (note);
            alter table p2 add constraint "p2 keeps r" foreign key (r) references t1 (id);
            """
        let sql = try planOnTheDatabaseItself(history: history, rows: "insert into t1 values (1); insert into pt values (1500, 1, 'x', null);",
                                              target: target)
        #expect(sql.contains("RENAME CONSTRAINT %I TO %I"), "\(sql)")
    }

    /// A partition attached again under other bounds keeps its clones: `ATTACH PARTITION` takes
    /// them as its parent's again, with no scan to validate them anew.
    @Test func aPartitionAttachedAgainKeepsItsForeignKeyClones() throws {
        let moved = Self.tree.replacingOccurrences(of: "from (1000) to (2000)", with: "from (1000) to (3000)")
        let plans = try Proving.plansBothWays(Self.tree, moved)
        #expect(plans[0].sql.contains("DETACH PARTITION"), "\(plans[0].sql)")
        #expect(!plans[0].sql.contains("ADD CONSTRAINT"), "\(plans[0].sql)")
        let sql = try planOnTheDatabaseItself(history: Self.tree, rows: "insert into t1 values (1); insert into pt values (1500, 1, 'x');",
                                              target: moved)
        #expect(!sql.contains("CREATE INDEX"), "\(sql)")
    }

    /// A partition's column drop goes with its parent's, whatever their names' order.
    @Test func aColumnDroppedFromAPartitionedTableWhosePartitionsSortFirst() throws {
        let partitioned = """
            create table zz (id int not null, gone date, primary key (id)) partition by range (id);
            create table aa partition of zz for values from (0) to (1000);
            create table zz_child partition of zz for values from (1000) to (2000) partition by range (id);
            create table ab partition of zz_child for values from (1000) to (1500);
            """
        _ = try Proving.plansBothWays(partitioned, partitioned.replacingOccurrences(of: ", gone date", with: ""))
    }

    /// A table that joins a partitioned table gets its indexes and keys the parent's take, and
    /// the parent's checks, before it joins (`ATTACH PARTITION` attaches them; it would build
    /// one of its own naming, and the target's could then not be attached; it refuses a table
    /// without the checks), under the target's name, with its statistics
    /// target; one that leaves loses the indexes the target does not give it after it has left
    /// (an attached index cannot be dropped). Both plans were refused by their proof.
    @Test func aTableJoinsWithTheIndexesItsParentTakesAndLeavesWithoutThem() throws {
        let base = """
            create table p (a text, b int) partition by list (a);
            create table p1 partition of p for values in ('x');
            create index p_lower on p (lower(a));
            create index p_b on p (b);
            alter table p add constraint p_key unique (a, b);
            alter table p add constraint b_pos check (b > 0);
            create table p3 (a text, b int);
            """
        let joined = base + """
            create index p3_custom on p3 (lower(a));
            alter table p3 add constraint p3_own_key unique (a, b);
            alter table p3 add constraint b_pos check (b > 0);
            alter table p attach partition p3 for values in ('z');
            alter index p_lower alter column 1 set statistics 10;
            """
        let plans = try Proving.plansBothWays(base, joined)
        let forward = plans[0].statements.map(\.sql)
        let attach = try #require(forward.firstIndex { $0.contains("ATTACH PARTITION \"public\".\"p3\" FOR VALUES") }, "\(plans[0].sql)")
        #expect(forward.prefix(attach).filter { $0.hasPrefix("CREATE INDEX") }.count == 2, "\(plans[0].sql)")
        #expect(forward.prefix(attach).contains { $0.contains(#"ADD CONSTRAINT "p3_own_key" UNIQUE"#) }, "\(plans[0].sql)")
        // The attach asks for the parent's checks ("child table is missing constraint").
        #expect(forward.prefix(attach).contains { $0.contains(#"ADD CONSTRAINT "b_pos" CHECK"#) }, "\(plans[0].sql)")
        #expect(!plans[0].sql.contains("ALTER INDEX \"public\".\"p_lower\" ATTACH"), "\(plans[0].sql)")
        let reverse = plans[1].statements.map(\.sql)
        let detach = try #require(reverse.firstIndex { $0.contains("DETACH PARTITION \"public\".\"p3\"") }, "\(plans[1].sql)")
        #expect(reverse.suffix(from: detach).filter { $0.hasPrefix("DROP INDEX") }.count == 2, "\(plans[1].sql)")
    }

    /// A partitioned table that joins another: its key and index made `ON ONLY` it are valid,
    /// and so matched by `ATTACH PARTITION`, once its own partitions' are made and attached,
    /// all before it joins (made after, the attach made a key of its own, and the target's was
    /// refused as a second primary key).
    @Test func aPartitionedTableJoinsWithItsPartitionsKeysAndIndexes() throws {
        let base = """
            create table p (a int not null, b text, primary key (a)) partition by range (a);
            create index p_b on p (b);
            create table p1 partition of p for values from (0) to (10);
            create table p3 (a int not null, b text) partition by range (a);
            create table p3a partition of p3 for values from (10) to (15);
            """
        let plans = try Proving.plansBothWays(base, base + "alter table p attach partition p3 for values from (10) to (20);")
        let forward = plans[0].statements.map(\.sql)
        let attach = try #require(forward.firstIndex { $0.contains("ATTACH PARTITION \"public\".\"p3\" FOR VALUES") }, "\(plans[0].sql)")
        #expect(forward.suffix(from: attach + 1).isEmpty, "\(plans[0].sql)")
    }

    /// A partition moved to another partitioned table keeps its key and indexes: `DETACH`
    /// detaches them, `ATTACH` attaches them to the new parent's they match. The plan dropped
    /// and built them again, on a table that may hold rows.
    @Test func aPartitionMovedToAnotherParentKeepsItsKeyAndIndexes() throws {
        let parents = """
            create table p (a int not null, b text, primary key (a)) partition by range (a);
            create index p_b on p (b);
            create table q (a int not null, b text, primary key (a)) partition by range (a);
            create index q_b on q (b);
            """
        let plans = try Proving.plansBothWays(parents + "create table p3 partition of p for values from (10) to (20);",
                                              parents + "create table p3 partition of q for values from (10) to (20);")
        for plan in plans {
            #expect(!plan.statements.contains { $0.sql.hasPrefix("DROP INDEX") || $0.sql.contains("CREATE INDEX") || $0.sql.contains("DROP CONSTRAINT") },
                    "\(plan.sql)")
            #expect(plan.statements.filter { $0.sql.hasPrefix("ALTER TABLE") }.count == 2, "\(plan.sql)")
        }
    }
}
