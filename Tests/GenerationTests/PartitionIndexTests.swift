import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An index added to a partitioned table is one `CREATE INDEX` on the parent where the server
/// names each partition's index as the target does; dropped, it takes its partitions' with it.
@Suite struct PartitionIndexTests {
    /// Partitions with long names (cut to 63 bytes with the label) and a table holding the name
    /// the server would give the first one's index (it then adds a number).
    static let base: String = {
        let long = String(repeating: "l", count: 58)
        let partitions = (0..<12).map { i in
            "create table \(i == 11 ? long : "ev_\(i)") partition of ev for values from (\(i * 100)) to (\((i + 1) * 100));"
        }
        return "create table ev (id int, at int, note text) partition by range (at);\n" + partitions.joined(separator: "\n")
            + "\ncreate table ev_0_at_idx (x int);\n"
    }()

    private func plans(_ added: String, online: Bool = false) throws -> [Plan] {
        try Proving.plansBothWays(Self.base, Self.base + added, online: online)
    }

    @Test func anIndexOfColumnsOrCallsIsOneStatementAndGoesInOne() throws {
        let plans = try plans("""
            create index ev_at_idx on ev (at); create unique index on ev (id, at) include (note) where note is not null;
            create index on ev (lower(note));
            """)
        let forward = plans[0].statements.map(\.sql)
        #expect(forward == [
            "CREATE INDEX ev_at_idx ON public.ev USING btree (at);",
            "CREATE UNIQUE INDEX ev_id_at_note_idx ON public.ev USING btree (id, at) INCLUDE (note) WHERE (note IS NOT NULL);",
            "CREATE INDEX ev_lower_idx ON public.ev USING btree (lower(note));",
        ], "\(plans[0].sql)")
        #expect(plans[1].statements.map(\.sql) == ["ev_at_idx", "ev_id_at_note_idx", "ev_lower_idx"].map { #"DROP INDEX IF EXISTS "public"."\#($0)";"# },
                "\(plans[1].sql)")
    }

    /// Another expression (named by the server after its operator or cast, which the planner does
    /// not guess) and `--online` keep pg_dump's form.
    @Test func anExpressionOrAnOnlinePlanKeepsOneIndexPerPartition() throws {
        let expression = try plans("create index on ev ((at + 1));")
        #expect(expression[0].statements.filter { $0.sql.contains(" ATTACH PARTITION ") }.count == 12, "\(expression[0].sql)")
        let online = try plans("create index ev_at_idx on ev (at);", online: true)
        #expect(online[0].statements.filter { $0.sql.hasPrefix("CREATE INDEX CONCURRENTLY") }.count == 12, "\(online[0].sql)")
    }

    /// A partitioned table's `ON ONLY` index becomes valid once its last partition's index is
    /// attached: one `ATTACH`, not the index made again (which took the partitions' indexes
    /// attached already with it, and then failed to attach them). Back, it is made again, and so
    /// are the partitions' indexes its drop takes.
    @Test func anOnlyIndexCompletedByItsLastAttachIsNotMadeAgain() throws {
        let base = """
            create table m (id int, at int) partition by range (at);
            create table m_1 partition of m for values from (0) to (10);
            create table m_2 partition of m for values from (10) to (20);
            create index m_at ON ONLY m (at);
            create index m_1_at on m_1 (at); alter index m_at attach partition m_1_at;
            create index m_2_at on m_2 (at);
            """
        let old = try TestDatabase.model(after: base), new = try TestDatabase.model(after: base + "alter index m_at attach partition m_2_at;")
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
        }
        let forward = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(forward.statements.map(\.sql) == [#"ALTER INDEX "public"."m_at" ATTACH PARTITION "public"."m_2_at";"#], "\(forward.sql)")
    }

    /// `ALTER COLUMN … TYPE` on a partitioned table builds its partitions' indexes again, named
    /// by the server from the column's name as it is now: each takes its target name back.
    @Test func aPartitionsIndexKeepsItsNameWhenItsParentsColumnChangesType() throws {
        let renamed = """
            create table pt (id int not null, amount numeric(10,2)) partition by range (id);
            create table p1 partition of pt for values from (0) to (1000);
            create index pt_amount on pt (amount);
            alter table pt rename column amount to total;
            """
        let plans = try Proving.plansBothWays(renamed, renamed + "alter table pt alter column total type numeric(14,4);")
        #expect(plans[1].sql.contains("RENAME TO %I"), "\(plans[1].sql)")
    }
}
