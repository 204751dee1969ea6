import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// What a table made again (a plain table become partitioned) or a column that goes takes with
/// its drop, and what a parent's new check gives its partitions: found by pg-schema-diff's
/// partitioned-table cases, and by the corpus's plans applied with psql.
@Suite struct RebuiltTableTests {
    private func plans(_ before: String, _ after: String) throws -> [Plan] { try Proving.plansBothWays(before, after) }

    /// Its serial's sequence is let go before the drop and owned again after: the new table's
    /// default names it, and it goes on counting.
    @Test func aSerialsSequenceOutlivesItsTableMadeAgain() throws {
        let plans = try plans("create table events (id serial, kind text);",
                              "create table events (id serial, kind text) partition by list (kind); "
                                  + "create table events_a partition of events for values in ('a');")
        for plan in plans {
            let sql = plan.statements.map(\.sql)
            #expect(sql.contains(#"ALTER SEQUENCE "public"."events_id_seq" OWNED BY NONE;"#), "\(plan.sql)")
            #expect(sql.contains(#"ALTER SEQUENCE "public"."events_id_seq" OWNED BY "public"."events"."id";"#), "\(plan.sql)")
            #expect(!sql.contains { $0.contains("CREATE SEQUENCE") || $0.contains("DROP SEQUENCE") }, "\(plan.sql)")
        }
    }

    /// A serial's sequence goes with the column or the table that owns it: their drop names its
    /// hazard, and no `DROP SEQUENCE IF EXISTS` follows (it only said "does not exist, skipping").
    /// One a child's default still calls is let go first and dropped on its own.
    @Test func aSerialsSequenceGoesWithItsOwnersDropAndItsHazard() throws {
        let plans = try plans("create table t (id serial, x int); create table u (id bigserial primary key);"
                                  + "create table p (id serial, y int); create table c () inherits (p);",
                              "create table t (x int); create table p (y int); create table c (id integer) inherits (p);")
        let forward = plans[0].statements
        for (drop, sequence) in [(#"ALTER TABLE "public"."t" DROP COLUMN"#, "t_id_seq"), (#"DROP TABLE IF EXISTS "public"."u""#, "u_id_seq")] {
            let statement = try #require(forward.first { $0.sql.hasPrefix(drop) }, "\(plans[0].sql)")
            #expect(statement.hazards.contains(.dataLoss(#"sequence "public"."\#(sequence)" and its current value"#)), "\(plans[0].sql)")
            #expect(!forward.contains { $0.sql.contains("DROP SEQUENCE") && $0.sql.contains(sequence) }, "\(plans[0].sql)")
        }
        #expect(forward.map(\.sql).contains(#"ALTER SEQUENCE "public"."p_id_seq" OWNED BY NONE;"#), "\(plans[0].sql)")
        #expect(forward.contains { $0.sql == #"DROP SEQUENCE IF EXISTS "public"."p_id_seq";"# }, "\(plans[0].sql)")
    }

    /// A foreign key that goes, of a table made again: dropped once, not again with the table's
    /// other keys (the second `DROP CONSTRAINT IF EXISTS` only told the user it was not there).
    @Test func aKeyThatGoesFromATableMadeAgainIsDroppedOnce() throws {
        let referenced = "create table r (a int, b int, unique (a, b));"
        let plans = try plans(referenced + "create table t (a int, b int); alter table t add constraint t_one foreign key (a, b) references r (a, b);"
                                  + "alter table t add constraint t_two foreign key (a, b) references r (a, b);",
                              referenced + "create table t (a int, b int) partition by list (a); create table t_1 partition of t for values in (1);"
                                  + "alter table t add constraint t_one foreign key (a, b) references r (a, b);")
        let drops = plans[0].statements.map(\.sql).joined(separator: "\n").components(separatedBy: #"DROP CONSTRAINT IF EXISTS "t_two""#)
        #expect(drops.count == 2, "\(plans[0].sql)")
    }

    /// Extended statistics over a column that goes go before it: its drop takes statistics it
    /// leaves with one column (a later `DROP STATISTICS IF EXISTS` only said so).
    @Test func statisticsOverAColumnThatGoesGoBeforeIt() throws {
        let plans = try plans("create table t (a int, b int, c int); create statistics t_st on a, c from t;", "create table t (a int, b int);")
        let sql = plans[0].statements.map(\.sql)
        let statistics = try #require(sql.firstIndex { $0.hasPrefix("DROP STATISTICS") }, "\(plans[0].sql)")
        #expect(statistics < (sql.firstIndex { $0.contains(#"DROP COLUMN"#) } ?? 0), "\(plans[0].sql)")
    }

    /// A check added NOT VALID to a parent whose partitions came after it: their copies are valid.
    @Test func aParentsNotValidCheckKeepsItsPartitionsValidCopies() throws {
        let table = "create table m (id int, n int) partition by range (id);"
        let partitions = "create table m_1 partition of m for values from (0) to (10); create table m_2 partition of m for values from (10) to (20);"
        let plans = try plans(table + partitions, table + "alter table m add constraint m_n check (n > 0) not valid;" + partitions)
        #expect(plans[0].statements.filter { $0.sql.contains("VALIDATE CONSTRAINT") }.count == 2, "\(plans[0].sql)")
    }

    /// A partition dropped from a tree another table's foreign key references is detached first:
    /// it holds the key's clone, and the server refuses its drop.
    @Test func aPartitionOfAReferencedTreeIsDetachedBeforeItsDrop() throws {
        let base = """
            create table p (id int, region text, primary key (id, region)) partition by list (region);
            create table p_eu partition of p for values in ('eu');
            create table orders (id int, p_id int, region text, foreign key (p_id, region) references p);
            """
        let plans = try plans(base + "create table p_us partition of p for values in ('us');", base)
        #expect(plans[0].statements.map(\.sql).starts(with: [#"ALTER TABLE "public"."p" DETACH PARTITION "public"."p_us";"#]),
                "\(plans[0].sql)")
    }

    /// pg-schema-diff's policy cases: a partitioned table keyed on another column, its old key
    /// column gone. The table is made again, and its drop takes the column: dropped one by one
    /// first, the server refused it ("part of the partition key"). Back, its partition, kept and
    /// attached to the new parent, gets the new key column first (the parent's ADD COLUMN that
    /// would have given it is not there: the parent is made again).
    @Test func aTableMadeAgainTakesItsOldPartitionKeyColumnWithIt() throws {
        let plans = try plans("create table pt (category text, other text) partition by list (other);"
                                + "create table pt_x partition of pt for values in ('x');",
                              "create table pt (category text) partition by list (category);"
                                + "create table pt_x partition of pt for values in ('x');")
        for plan in plans {
            #expect(!plan.statements.contains { $0.sql.contains(#"TABLE "public"."pt" DROP COLUMN"#) }, "\(plan.sql)")
        }
    }
}
