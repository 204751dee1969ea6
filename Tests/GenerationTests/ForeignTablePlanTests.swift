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
}
