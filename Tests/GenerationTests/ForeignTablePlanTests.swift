import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A foreign table whose columns, checks, options, triggers, comments or column grants change
/// is altered in place (`ALTER FOREIGN TABLE`), not dropped and made again with every view over
/// it; the views over a column it drops or retypes go and come back around the change, as over
/// a table's. Where `ADD COLUMN` cannot give the target's column order, it is made again.
/// pgAdmin's foreign table cases change columns, checks and options.
@Suite struct ForeignTablePlanTests {
    static let server = """
        create foreign data wrapper dummy;
        create server s foreign data wrapper dummy;
        create type mood as enum ('a', 'b');
        create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
        """

    static func table(_ columns: String, options: String, extra: String = "") -> String {
        server + """

            create foreign table ft (\(columns)) server s options (\(options));
            create view ids as select id from ft;
            \(extra)
            """
    }

    @Test func columnsChecksAndOptionsChangeInPlace() throws {
        try TestDatabase.ensureRole("ft_reader")
        let before = Self.table("""
            id integer not null, name text options (column_name 'nm'), n numeric(10,2) default 0,
            constraint id_pos check (id > 0), constraint small check (n < 100)
            """, options: "schema_name 'public', table_name 'remote'", extra: """
            create view amounts as select id, n from ft;
            comment on column ft.name is 'the name';
            comment on constraint small on ft is 'kept small';
            create trigger stamp before insert on ft for each row execute function touch();
            grant select (name) on ft to ft_reader;
            """)
        let after = Self.table("""
            id integer not null, name text options (column_name 'full_name') not null, n numeric(12,2) default 1, m mood,
            constraint id_pos check (id > 1), constraint large check (n < 1000)
            """, options: "schema_name 'crm', table_name 'remote', updatable 'false'", extra: """
            create view amounts as select id, n from ft;
            comment on column ft.name is 'the full name';
            create trigger stamp before insert or update on ft for each row execute function touch();
            alter foreign table ft disable trigger stamp;
            comment on trigger stamp on ft is 'stamps rows';
            grant select (name, id) on ft to ft_reader with grant option;
            """)
        let plans = try Proving.plansBothWays(before, after)
        let forward = plans[0].sql
        #expect(!forward.contains("DROP FOREIGN TABLE") && !forward.contains("CREATE FOREIGN TABLE"), "\(forward)")
        #expect(forward.contains("ALTER COLUMN \"n\" TYPE numeric(12,2)"), "\(forward)")
        #expect(forward.contains("OPTIONS (SET schema_name 'crm', ADD updatable 'false')"), "\(forward)")
        // The view over the retyped column goes and comes back; so does the other view over the table.
        #expect(forward.contains("DROP VIEW IF EXISTS \"public\".\"amounts\""), "\(forward)")
        // Back, the column `m` goes and nothing is added in the middle: in place too.
        #expect(!plans[1].sql.contains("DROP FOREIGN TABLE"), "\(plans[1].sql)")
    }

    @Test func optionsAloneLeaveTheViewsOverIt() throws {
        let plans = try Proving.plansBothWays(Self.table("id integer, name text", options: "table_name 'a'"),
                                              Self.table("id integer, name text options (column_name 'nm')", options: "table_name 'b'"))
        for plan in plans {
            #expect(!plan.sql.contains("VIEW") && !plan.sql.contains("DROP FOREIGN TABLE"), "\(plan.sql)")
            #expect(plan.statements.count == 2, "\(plan.sql)")
        }
    }

    /// A column added in the middle: `ADD COLUMN` appends, so the table is made again.
    @Test func aColumnAddedInTheMiddleMakesItAgain() throws {
        let plans = try Proving.plansBothWays(Self.table("id integer, name text", options: "table_name 'a'"),
                                              Self.table("id integer, code text, name text", options: "table_name 'a'"))
        #expect(plans[0].sql.contains("DROP FOREIGN TABLE"), "\(plans[0].sql)")
        #expect(!plans[1].sql.contains("DROP FOREIGN TABLE"), "\(plans[1].sql)")
    }

    /// `REVOKE SELECT ON TABLE` takes `SELECT (id)` from the column too: a column grant the
    /// target keeps (or gains) under a table-wide grant the plan revokes is given again after it.
    @Test func aColumnsGrantOutlivesTheTablesRevoke() throws {
        try TestDatabase.ensureRole("ft_reader")
        let columns = "grant select (id) on ft to public; grant update (name) on ft to ft_reader with grant option;"
        let plans = try Proving.plansBothWays(
            Self.table("id integer, name text", options: "table_name 'a'", extra: columns),
            Self.table("id integer, name text", options: "table_name 'a'",
                       extra: columns + " grant select on ft to public; grant update on ft to ft_reader with grant option;"))
        #expect(plans[1].sql.contains("GRANT SELECT (id) ON TABLE public.ft TO PUBLIC;"), "\(plans[1].sql)")
        #expect(plans[1].sql.contains("GRANT UPDATE (name) ON TABLE public.ft TO ft_reader WITH GRANT OPTION;"), "\(plans[1].sql)")
    }

    /// A column retyped in a table with a foreign partition, or a foreign inheritance child, at
    /// any depth: `ALTER TABLE … TYPE … USING` reaches the foreign table, where the server refuses
    /// `USING` ("… is not a table"). The foreign table is made again around the change.
    @Test func aColumnRetypedOverAForeignPartitionOrChild() throws {
        let tree = { (code: String, amount: String) in
            Self.server + """

                create table pt (id integer not null, code \(code), amount \(amount)) partition by range (id);
                create table pt_1 partition of pt for values from (0) to (100) partition by range (id);
                create table pt_1_a partition of pt_1 for values from (0) to (50);
                create foreign table pt_1_f partition of pt_1 for values from (50) to (100) server s options (table_name 'f1');
                create foreign table pt_2 partition of pt for values from (100) to (200) server s;
                create view over_pt as select id, code from pt_2;
                create table base (id integer, code \(code));
                create foreign table remote_child (extra text) inherits (base) server s;
                comment on foreign table pt_2 is 'the far half';
                """
        }
        let plans = try Proving.plansBothWays(tree("text", "integer"), tree("integer", "numeric(12,2)"))
        for plan in plans {
            #expect(plan.sql.contains("DROP FOREIGN TABLE IF EXISTS \"public\".\"pt_1_f\""), "\(plan.sql)")
            #expect(plan.sql.contains("DROP FOREIGN TABLE IF EXISTS \"public\".\"remote_child\""), "\(plan.sql)")
        }
    }

    /// An index of a partitioned table with a foreign partition, at its level or one down: the
    /// foreign partition has no index to attach, so one made `ON ONLY` the table would stay
    /// invalid. It is made on the whole table, which passes the foreign partition by.
    @Test func anIndexOverAForeignPartition() throws {
        let tree = Self.server + """

            create table pt (id integer not null, code text) partition by range (id);
            create table pt_1 partition of pt for values from (0) to (100);
            create foreign table pt_2 partition of pt for values from (100) to (200) server s;
            create table pt_3 partition of pt for values from (200) to (300) partition by range (id);
            create table pt_3_a partition of pt_3 for values from (200) to (250);
            create foreign table pt_3_f partition of pt_3 for values from (250) to (300) server s;
            create table top (id integer not null, code text) partition by range (id);
            create table top_1 partition of top for values from (0) to (100) partition by range (id);
            create foreign table top_1_f partition of top_1 for values from (0) to (100) server s;
            """
        let indexes = "create index pt_code on pt (code); create index top_code on top (code, id);"
        let plans = try Proving.plansBothWays(tree, tree + indexes)
        #expect(plans[0].sql.contains("CREATE INDEX pt_code ON public.pt USING btree (code);"), "\(plans[0].sql)")
        _ = try Proving.plansBothWays("", tree + indexes)
    }

    /// A foreign partition's and an inheritance child's column options change in place, the views
    /// over them kept: added, changed and removed, on a column its parent keeps, and where its
    /// parent drops the column (the options go with it) or adds one (set after the parent's).
    @Test func aPartitionsAndAChildsColumnOptionsChangeInPlace() throws {
        let tree = Self.server + """

            create table p (a int, b int, c int) partition by list (a);
            create foreign table p1 partition of p for values in (1) server s;
            create table parent (a int, b int, c int);
            create foreign table child () inherits (parent) server s;
            create view over_partition as select a, b from p1;
            create view over_child as select a, b from child;
            """
        let before = tree + """

            alter foreign table p1 alter column b options (add column_name 'bb', x '1');
            alter foreign table p1 alter column c options (add column_name 'cc');
            alter foreign table child alter column b options (add column_name 'bb');
            """
        let after = tree + """

            alter table p drop column c;
            alter table parent add column d int;
            alter foreign table p1 alter column b options (add x '2');
            alter foreign table child alter column b options (add column_name 'b2');
            alter foreign table child alter column d options (add column_name 'dd');
            """
        for plan in try Proving.plansBothWays(before, after, trusted: true) {
            #expect(!plan.sql.contains("DROP FOREIGN TABLE") && !plan.sql.contains("DROP VIEW"), "\(plan.sql)")
        }
    }
}
