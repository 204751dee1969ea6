import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// `--online` plans, written for the test server's major and proved on it.
@Suite struct OnlinePlanTests {
    private func model(_ sql: String) throws -> DatabaseModel {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(sql)
        return try Inspector().inspect(connection)
    }

    /// A NOT NULL added online scans the table under a weaker lock first: from 18 the constraint
    /// itself is added NOT VALID and validated, under the name the target gives it; before, a
    /// check is validated first and dropped after `SET NOT NULL`. Either way the plan holds,
    /// on a parent whose child takes the constraint too.
    @Test func aNotNullAddedOnlineIsValidatedBeforeItLocks() throws {
        let major = try ServerFeatures.major()
        let old = try model("""
            create table t (id int primary key, a text, b text);
            create table tc (c int) inherits (t);
            """)
        let new = try model("""
            create table t (id int primary key, a text not null, b text constraint b_required not null);
            create table tc (c int) inherits (t);
            """)
        let plan = Planner(from: old, to: new, options: PlanOptions(online: true, serverMajor: major)).plan()
        let sql = plan.statements.map(\.sql)
        if major >= 18 {
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_a_not_null\" NOT NULL \"a\" NOT VALID;"), "\(sql)")
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"b_required\";"), "\(sql)")
            #expect(!sql.contains { $0.contains("CHECK") || $0.contains("SET NOT NULL") }, "\(sql)")
        } else {
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" SET NOT NULL;"), "\(sql)")
            #expect(sql.contains { $0.contains("VALIDATE CONSTRAINT \"a_not_null_schemactl\"") }, "\(sql)")
        }
        let proof = try Proving.check().prove(plan, from: old, to: new)
        #expect(proof.holds, "the plan leaves \(proof.leftover)\n\(plan.sql)")
    }

    /// A key or unique constraint added online builds its index concurrently and then takes it
    /// (`USING INDEX`), with the index's own clauses and the constraint's timing; an index that
    /// goes is dropped concurrently. A partitioned table's, which the server cannot build
    /// concurrently, is added to it alone, after its partitions' (built concurrently), which
    /// are then attached. Proved both ways.
    @Test func keysAndUniqueConstraintsAddedOnlineTakeAnIndexBuiltConcurrently() throws {
        let major = try ServerFeatures.major()
        let base = """
            create table a (id int not null, code text, note text);
            create table b (id int primary key, x int, y int);
            create index b_x_idx on b (x);
            create table p (id int not null, at date not null) partition by range (at);
            create table p1 partition of p for values from ('2024-01-01') to ('2025-01-01');
            """
        let nulls = major >= 15 ? "nulls not distinct " : ""
        let old = try model(base)
        let new = try model(base + """
            alter table a add primary key (id) include (code) with (fillfactor = 70);
            alter table a add constraint a_code_key unique \(nulls)(code) deferrable initially deferred;
            alter table b add constraint b_x_y_key unique (x, y);
            drop index b_x_idx;
            alter table p add constraint p_id_at_key unique (id, at);
            """)
        let forward = Planner(from: old, to: new, options: PlanOptions(online: true, serverMajor: major)).plan()
        let sql = forward.statements.map(\.sql)
        #expect(sql.contains(#"CREATE UNIQUE INDEX CONCURRENTLY "a_pkey" ON "public"."a" USING btree (id) INCLUDE (code) WITH (fillfactor='70');"#), "\(sql)")
        #expect(sql.contains(#"ALTER TABLE "public"."a" ADD CONSTRAINT "a_pkey" PRIMARY KEY USING INDEX "a_pkey";"#), "\(sql)")
        #expect(sql.contains(#"ALTER TABLE "public"."a" ADD CONSTRAINT "a_code_key" UNIQUE USING INDEX "a_code_key" DEFERRABLE INITIALLY DEFERRED;"#), "\(sql)")
        #expect(sql.contains(#"DROP INDEX CONCURRENTLY IF EXISTS "public"."b_x_idx";"#), "\(sql)")
        // The partitioned table's as pg_dump adds it: on the table alone, its partition's (built
        // concurrently) attached.
        #expect(sql.contains(#"CREATE UNIQUE INDEX CONCURRENTLY "p1_id_at_key" ON "public"."p1" USING btree (id, at);"#), "\(sql)")
        #expect(sql.contains { $0.hasPrefix(#"ALTER TABLE ONLY "public"."p" ADD CONSTRAINT "p_id_at_key" UNIQUE (id, at)"#) }, "\(sql)")
        #expect(sql.contains(#"ALTER INDEX "public"."p_id_at_key" ATTACH PARTITION "public"."p1_id_at_key";"#), "\(sql)")
        for (source, target, plan) in [(old, new, forward),
                                       (new, old, Planner(from: new, to: old, options: PlanOptions(online: true, serverMajor: major)).plan())] {
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "the plan leaves \(proof.leftover)\n\(plan.sql)")
        }
    }
}
