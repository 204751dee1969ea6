import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A proof loads no rows: it shows that a plan makes the target schema, not that the values a
/// rebuild moves land where they belong. These plans run on tables that hold rows, and the
/// rows are read back.
@Suite struct ValuesKeptTests {
    /// Runs `from` and `rows` on a new database, the plan from its model to the model of `to`,
    /// and returns what `query` reads there afterwards, a row per line, its values joined by `|`.
    /// `renames`: as `--rename` takes them.
    /// `renumbered`: columns compared by their order, not their numbers (a column added again
    /// before 17 is numbered after the dropped one's hole, as the diff allows).
    private func valuesAfterPlan(from: String, rows: String, to: String, query: String, renames: [String] = [],
                                 renumbered: Bool = false) throws -> [String] {
        let target = try TestDatabase.make()
        defer { target.drop() }
        try target.connect().execute(to)
        let new = try Inspector().inspect(target.connect())
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(from)
        let old = try Inspector().inspect(connection)
        try connection.execute(rows)
        let confirmed = renames.compactMap { Rename.parse($0, tables: Set(old.tables.map(\.name)), enums: Set(old.enums.map(\.name)),
                                                          sequences: Set(old.sequences.map(\.name)), schemas: Set(old.schemas.map(\.name))) }
        #expect(confirmed.count == renames.count, "every rename reads")
        let plan = Planner(from: old, to: new, options: PlanOptions(renames: confirmed, serverMajor: try ServerFeatures.major())).plan()
        #expect(renames.isEmpty || plan.dataLoss.isEmpty, "a confirmed rename loses nothing: \(plan.dataLoss)")
        try connection.execute("BEGIN;\n" + plan.statements.map { $0.sql + ";" }.joined(separator: "\n") + "\nCOMMIT;")
        let numbered = { (model: DatabaseModel) -> DatabaseModel in
            guard renumbered else { return model }
            var model = model
            for table in model.tables.indices {
                for (offset, column) in model.tables[table].columns.sorted(by: { $0.position < $1.position }).enumerated() {
                    let index = model.tables[table].columns.firstIndex { $0.name == column.name }!
                    model.tables[table].columns[index].position = offset + 1
                }
            }
            return model
        }
        #expect(numbered(try Inspector().inspect(connection)) == numbered(new), "the plan gives the target")
        return try connection.query(query).rows.map { $0.values.map { $0 ?? "NULL" }.joined(separator: "|") }
    }

    /// The plans from `old` to `new` with `rename` (as `--rename` takes it) and back with it
    /// undone, each proved.
    private func provedPlansBothWays(_ old: DatabaseModel, _ new: DatabaseModel, renaming rename: String) throws -> [Plan] {
        let forward = try #require(Rename.parse(rename, tables: Set(old.tables.map(\.name)), enums: Set(old.enums.map(\.name)),
                                                sequences: Set(old.sequences.map(\.name)), schemas: Set(old.schemas.map(\.name))))
        return try [(old, new, [forward]), (new, old, Rename.reversed([forward]))].map { source, target, renames in
            let plan = Planner(from: source, to: target, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major())).plan()
            #expect(try Proving.check().prove(plan, from: source, to: target).holds, "\(plan.sql)")
            return plan
        }
    }

    /// A schema renamed (`--rename crm=sales`) with a table renamed in it, named as the source
    /// names it: one `ALTER SCHEMA`, one `ALTER TABLE`; the rows, a serial's next value and an
    /// enum's values stay, and whatever names the schema (a foreign key from another schema, a
    /// default's sequence, a view, a check calling a function, a trigger) follows it. A body
    /// written as a string keeps its text: where the target's names the new schema, it is
    /// replaced.
    @Test func aSchemaRenamedKeepsEverythingInIt() throws {
        let schema = """
            create schema crm; create type crm.mood as enum ('ok', 'bad');
            create table crm.acct (id serial primary key, m crm.mood default 'ok');
            create function crm.positive(x int) returns boolean language sql immutable return x > 0;
            alter table crm.acct add constraint ck check (crm.positive(id));
            create table public.deal (id int, acct_id int references crm.acct);
            create view public.deals as select d.id, a.m from public.deal d join crm.acct a on a.id = d.acct_id;
            create function crm.touch() returns trigger language plpgsql as $$begin return new; end$$;
            create trigger t before insert on crm.acct for each row execute function crm.touch();
            create function crm.n() returns bigint language sql as 'select count(*) from crm.acct';
            alter default privileges in schema crm grant select on tables to public;
            """
        let values = try valuesAfterPlan(
            from: schema, rows: "insert into crm.acct (m) values ('bad'), ('ok');",
            to: schema.replacingOccurrences(of: "crm.acct", with: "crm.account").replacingOccurrences(of: "crm", with: "sales"),
            query: "select id, m, (select last_value from sales.account_id_seq), sales.n() from sales.account order by id",
            renames: ["crm=sales", "crm.acct=account"])
        #expect(values == ["1|bad|2|2", "2|ok|2|2"])
        let old = try TestDatabase.model(after: schema)
        let new = try TestDatabase.model(after: schema.replacingOccurrences(of: "crm", with: "sales"))
        let plans = try provedPlansBothWays(old, new, renaming: "crm=sales")
        for plan in plans {
            #expect(plan.dataLoss.isEmpty && plan.statements.first?.sql.hasPrefix("ALTER SCHEMA ") == true, "\(plan.sql)")
            // The schema, and the one body written as a string: nothing else is made again.
            #expect(plan.statements.count == 3 && plan.statements.last?.sql.contains(".n()") == true, "\(plan.sql)")
        }
        // A table made in it, under the running role's default privileges there, which the plan
        // sets aside around what it creates: by the schema's new name, once it has it.
        let grown = try TestDatabase.model(after: schema.replacingOccurrences(of: "crm", with: "sales") + "create table sales.extra (id int);")
        let grownPlans = try provedPlansBothWays(old, grown, renaming: "crm=sales")
        #expect(grownPlans[0].dataLoss.isEmpty, "\(grownPlans[0].sql)")
        for plan in grownPlans { #expect(plan.statements.first?.sql.hasPrefix("ALTER SCHEMA ") == true, "\(plan.sql)") }
        // Unconfirmed, the plan drops the schema's tables, and says what keeps them.
        let unconfirmed = Planner(from: old, to: new).plan()
        #expect(unconfirmed.possibleRenames.contains { $0.hasPrefix(#"possible rename of schema "crm" to "sales": --rename crm=sales"#) },
                "\(unconfirmed.notes)")
    }

    /// A partition made, and one whose bounds widen, under a parent whose default partition
    /// holds rows in their bounds (the server refuses either while it does): the default is
    /// detached, its rows within their bounds move to them, and it is attached again. Its other
    /// rows stay; the parent's key, index and foreign key hold. pgAdmin's partition cases.
    @Test func aDefaultPartitionsRowsMoveToThePartitionsThatTakeTheirBounds() throws {
        let parent = """
            create table kinds (k text primary key);
            create table ev (id int, at date, k text references kinds, note text, primary key (id, at)) partition by range (at);
            create index on ev (at);
            """
        let values = try valuesAfterPlan(
            from: parent + """
                create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
                create table ev_rest partition of ev default;
                """,
            rows: "insert into kinds values ('a'); insert into ev values (1, '2024-03-01', 'a'), (2, '2025-02-01', 'a'), (3, '2025-08-01', 'a'), (4, '2027-01-01', null);",
            to: parent + """
                create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-07-01');
                create table ev_2025 partition of ev for values from ('2025-07-01') to ('2026-01-01');
                create table ev_rest partition of ev default;
                """,
            query: "select tableoid::regclass, id, k from ev order by id")
        #expect(values == ["ev_2024|1|a", "ev_2024|2|a", "ev_2025|3|a", "ev_rest|4|NULL"])
    }

    /// A partition split in two (its bounds narrowed, a new partition taking the rest): its rows
    /// outside its new bounds move, to the default partition where the parent has one (and from
    /// there to the partitions that take them), else through the parent to the partition that
    /// takes them. A row no partition of the target takes is refused: the plan rolls back.
    @Test func aPartitionSplitInTwoMovesItsRowsToTheirNewPartitions() throws {
        let regions = "create table acct (id int, region text, primary key (id, region)) partition by list (region);"
        let rows = "insert into acct values (1, 'eu'), (2, 'uk'), (3, 'us'), (4, 'ch');"
        let split = try valuesAfterPlan(
            from: regions + "create table acct_eu partition of acct for values in ('eu', 'uk', 'ch'); create table acct_us partition of acct for values in ('us');",
            rows: rows,
            to: regions + """
                create table acct_eu partition of acct for values in ('eu', 'ch'); create table acct_uk partition of acct for values in ('uk');
                create table acct_us partition of acct for values in ('us');
                """,
            query: "select tableoid::regclass, id from acct order by id")
        #expect(split == ["acct_eu|1", "acct_uk|2", "acct_us|3", "acct_eu|4"])
        let events = "create table ev (id int, at date) partition by range (at);"
        let withDefault = try valuesAfterPlan(
            from: events + "create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01'); create table ev_rest partition of ev default;",
            rows: "insert into ev values (1, '2024-02-01'), (2, '2024-09-01'), (3, '2024-12-01'), (4, '2026-01-01');",
            to: events + """
                create table ev_2024 partition of ev for values from ('2024-01-01') to ('2024-07-01');
                create table ev_2024_h2 partition of ev for values from ('2024-07-01') to ('2024-10-01');
                create table ev_rest partition of ev default;
                """,
            query: "select tableoid::regclass, id from ev order by id")
        #expect(withDefault == ["ev_2024|1", "ev_2024_h2|2", "ev_rest|3", "ev_rest|4"])
    }

    /// Hash partitions whose modulus changes all take other bounds at once: a row leaving one
    /// may belong to a sibling still detached, so the rows wait in a temporary table until every
    /// partition is attached again. (A hash partition's condition names its parent: the probe
    /// the condition is read from stays until the rows moved.)
    @Test func hashPartitionsWhoseModulusChangesKeepEveryRow() throws {
        let parent = "create table h (id int) partition by hash (id);"
        let values = try valuesAfterPlan(
            from: parent + "create table h0 partition of h for values with (modulus 2, remainder 0);"
                + "create table h1 partition of h for values with (modulus 2, remainder 1);",
            rows: "insert into h select generate_series(1, 100);",
            to: parent + "create table h0 partition of h for values with (modulus 3, remainder 0);"
                + "create table h1 partition of h for values with (modulus 3, remainder 1);"
                + "create table h2 partition of h for values with (modulus 3, remainder 2);",
            query: "select count(*), count(distinct id), count(distinct tableoid), sum(id) from h")
        #expect(values == ["100|100|3|5050"])
    }

    /// A table moved into a schema the plan renames names it by either name: its old one, as
    /// FROM has it, or its new one. Its rows stay either way.
    @Test func aTableMovedIntoARenamedSchemaMayNameItEitherWay() throws {
        for target in ["crm", "sales"] {
            let values = try valuesAfterPlan(
                from: "create schema crm; create table crm.acct (id int primary key); create table public.x (id int, acct int references crm.acct);",
                rows: "insert into crm.acct values (1); insert into public.x values (7, 1);",
                to: "create schema sales; create table sales.acct (id int primary key); create table sales.x (id int, acct int references sales.acct);",
                query: "select x.id, a.id from sales.x join sales.acct a on a.id = x.acct",
                renames: ["crm=sales", "public.x=\(target).x"])
            #expect(values == ["7|1"], "public.x=\(target).x")
        }
    }

    /// pgAdmin's serial conversion case, and an identity given to a column that holds values (a
    /// serial's, or a plain one's): the new sequence takes up after the largest value, so the next
    /// row takes no value the column holds; a column holding nothing at or past its start (only a
    /// 0 under `MINVALUE 1`) starts at 1; a descending identity takes up below the smallest. A
    /// serial's identity takes over where the serial's sequence stood, past a top row deleted (its
    /// value is not given again), or after a value written by hand past it.
    @Test func aSequenceGivenToAColumnThatHoldsValuesTakesUpAfterThem() throws {
        let values = try valuesAfterPlan(
            from: """
                create table int_to_serial (id integer not null, val text);
                create table int_to_smallserial (id smallint not null, val text);
                create table serial_to_identity (id serial primary key, val text);
                create table serial_passed_by_hand (id serial primary key);
                create table int_to_identity (id bigint not null, val text);
                create table down (id int not null, val text);
                """,
            rows: """
                insert into int_to_serial values (1, 'a'), (5, 'b'); insert into int_to_smallserial values (0, 'a');
                insert into serial_to_identity (val) values ('a'), ('b'), ('c'); delete from serial_to_identity where val = 'c';
                insert into serial_passed_by_hand values (default), (50); insert into int_to_identity values (40, 'a');
                insert into down values (-7, 'a');
                """,
            to: """
                create table int_to_serial (id bigserial not null, val text);
                create table int_to_smallserial (id smallserial not null, val text);
                create table serial_to_identity (id int generated by default as identity primary key, val text);
                create table serial_passed_by_hand (id int generated by default as identity primary key);
                create table int_to_identity (id bigint generated always as identity, val text);
                create table down (id int generated by default as identity (increment by -1 start with -1 minvalue -1000 maxvalue -1) not null, val text);
                """,
            query: "select nextval('int_to_serial_id_seq'), nextval('int_to_smallserial_id_seq'), "
                + "nextval(pg_get_serial_sequence('serial_to_identity', 'id')), nextval(pg_get_serial_sequence('serial_passed_by_hand', 'id')), "
                + "nextval(pg_get_serial_sequence('int_to_identity', 'id')), nextval(pg_get_serial_sequence('down', 'id'))")
        #expect(values == ["6|1|4|51|41|-8"])
    }

    /// The way back: an identity that becomes a serial hands over where its sequence stood,
    /// past a top row deleted, or takes up after a value written by hand past it; one never
    /// drawn from starts where the serial starts.
    @Test func anIdentityThatBecomesASerialTakesUpWhereItStood() throws {
        let values = try valuesAfterPlan(
            from: """
                create table deleted_top (id int generated by default as identity primary key, val text);
                create table passed_by_hand (id bigint generated by default as identity primary key);
                create table never_drawn (id int generated by default as identity primary key);
                """,
            rows: """
                insert into deleted_top (val) values ('a'), ('b'), ('c'); delete from deleted_top where val = 'c';
                insert into passed_by_hand values (default), (50); insert into never_drawn values (-5);
                """,
            to: """
                create table deleted_top (id serial primary key, val text);
                create table passed_by_hand (id bigserial primary key);
                create table never_drawn (id serial primary key);
                """,
            query: "select nextval('deleted_top_id_seq'), nextval('passed_by_hand_id_seq'), nextval('never_drawn_id_seq')")
        #expect(values == ["4|51|1"])
    }

    /// PoWA's history records: attributes reordered and one added under a column and an array
    /// column. Each value goes to the attribute of its name; a NULL value, a NULL element, a
    /// row of NULLs (itself no NULL), an empty and a two-dimensional array stay what they were.
    @Test func aReorderedCompositesValuesFollowTheirAttributesNames() throws {
        let values = try valuesAfterPlan(
            from: "create type sample as (ts date, calls bigint, runtime double precision);"
                + "create table history (id int, first sample, records sample[]);",
            rows: """
                insert into history values
                  (1, '(2024-01-02,5,1.5)', array['(2024-01-02,5,1.5)', null, '(,,)']::sample[]),
                  (2, null, null),
                  (3, '(,7,)', '{{"(2024-01-03,1,2)"},{"(2024-01-04,3,4)"}}'),
                  (4, '(,,)', '{}');
                """,
            to: "create type sample as (ts date, runtime double precision, calls bigint, rows bigint);"
                + "create table history (id int, first sample, records sample[]);",
            query: "select id, first, records, (first).calls, records[1].runtime from history order by id")
        #expect(values == [
            #"1|(2024-01-02,1.5,5,)|{"(2024-01-02,1.5,5,)",NULL,"(,,,)"}|5|1.5"#,
            "2|NULL|NULL|NULL|NULL",
            #"3|(,,7,)|{{"(2024-01-03,2,1,)"},{"(2024-01-04,4,3,)"}}|7|NULL"#,
            "4|(,,,)|{}|NULL|NULL",
        ])
    }

    /// A table moved to another schema (`--rename app.orders=archive.orders`) goes with its rows,
    /// its serial's sequence (which goes on counting), its identity, keys, indexes and triggers;
    /// the foreign key to it follows it, the view over it is made again. The plan and its
    /// reverse are proved.
    @Test func aTableMovedToAnotherSchemaKeepsItsRowsAndItsSequence() throws {
        let schema = { (home: String) in
            """
            create schema app; create schema archive;
            create table \(home).orders (id serial primary key, number int generated always as identity, total numeric check (total >= 0));
            create index on \(home).orders (total);
            create table app.lines (order_id int references \(home).orders, amount numeric);
            create view app.big_orders as select id, total from \(home).orders where total > 100;
            create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger orders_touch before update on \(home).orders for each row execute function app.touch();
            """
        }
        let values = try valuesAfterPlan(
            from: schema("app"),
            rows: "insert into app.orders (total) values (10), (200); insert into app.lines values (2, 5);",
            to: schema("archive"),
            query: "insert into archive.orders (total) values (300) returning id, number, total",
            renames: ["app.orders=archive.orders"])
        #expect(values == ["3|3|300"], "the sequences went on counting")
        let old = try TestDatabase.model(after: schema("app")), new = try TestDatabase.model(after: schema("archive"))
        // Moved and renamed: the identity's sequence keeps its name (the target's was made by
        // RENAME TO, as a developer's database is).
        let renamed = try TestDatabase.model(after: schema("app") + "alter table app.orders rename to purchases; alter table app.purchases set schema archive;")
        for plan in try provedPlansBothWays(old, new, renaming: "app.orders=archive.orders")
            + provedPlansBothWays(old, renamed, renaming: "app.orders=archive.purchases") {
            #expect(plan.dataLoss.isEmpty)
            // The index and the foreign key follow the table: nothing is built again for a name.
            #expect(!plan.sql.contains("INDEX") && !plan.sql.contains("CONSTRAINT"), "\(plan.sql)")
        }
    }

    /// A column renamed (`--rename public.orders.total=amount`, the target made by RENAME
    /// COLUMN as a developer's database is) keeps its index, its unique index, its check and the
    /// foreign keys over it, which the server renames in place: nothing is dropped or built again.
    @Test func aRenamedColumnKeepsItsIndexesAndTheKeysOverIt() throws {
        let schema = """
            create table orders (id int primary key, total numeric check (total >= 0), parent_total numeric,
                                 unique (id, total), foreign key (id, parent_total) references orders (id, total));
            create index on orders (total) include (parent_total) where total > 0;
            create table lines (o int, t numeric, foreign key (o, t) references orders (id, total));
            """
        let renamed = schema + "alter table orders rename column total to amount;"
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        let plans = try provedPlansBothWays(old, new, renaming: "public.orders.total=amount")
        #expect(plans.map { $0.statements.map(\.sql) } == [["ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"total\" TO \"amount\";"],
                                                          ["ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"amount\" TO \"total\";"]])
        let values = try valuesAfterPlan(from: schema, rows: "insert into orders values (1, 5, null); insert into lines values (1, 5);",
                                         to: renamed, query: "select id, amount from orders", renames: ["public.orders.total=amount"])
        #expect(values == ["1|5"])
    }

    /// A column renamed to or from a keyword the server quotes when it prints it (`"user"`,
    /// `"order"`): its unique index and the foreign key over it are kept as they are, as for
    /// any other name (they were built again, the definition written with the name bare).
    @Test func aColumnRenamedToAKeywordKeepsItsIndexesAndKeys() throws {
        let schema = """
            create table items (id int primary key, "user" text, kind text, unique ("user", kind));
            create index items_kind on items (kind) where kind <> '';
            create table refs (u text, k text, foreign key (u, k) references items ("user", kind));
            """
        let renamed = schema + #"alter table items rename column "user" to owner; alter table items rename column kind to "order";"#
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        let forward = try #require(Rename.parse("public.items.user=owner", tables: Set(old.tables.map(\.name))))
        let second = try #require(Rename.parse("public.items.kind=order", tables: Set(old.tables.map(\.name))))
        for (source, target, renames) in [(old, new, [forward, second]), (new, old, Rename.reversed([forward, second]))] {
            let plan = Planner(from: source, to: target, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major())).plan()
            #expect(plan.statements.allSatisfy { $0.sql.contains(" RENAME COLUMN ") }, "\(plan.sql)")
            #expect(try Proving.check().prove(plan, from: source, to: target).holds, "\(plan.sql)")
        }
    }

    /// A column renamed under a generated column, named in quotes (`--rename
    /// '"Sales Dept"."Order Lines"."Unit.Price"="Unit Price"'`): the generated column reads it by
    /// number, so it stays where it is, with its values; made again it would rewrite the table and
    /// move to the end.
    @Test func aColumnRenamedUnderAGeneratedColumnLeavesItInPlace() throws {
        let schema = """
            create schema "Sales Dept";
            create table "Sales Dept"."Order Lines" ("Qty" int, "Unit.Price" numeric,
                "Total" numeric generated always as ("Qty" * "Unit.Price") stored, note text);
            """
        let renamed = schema + #"alter table "Sales Dept"."Order Lines" rename column "Unit.Price" to "Unit Price";"#
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        let rename = #""Sales Dept"."Order Lines"."Unit.Price"="Unit Price""#
        let plans = try provedPlansBothWays(old, new, renaming: rename)
        #expect(plans.map { $0.statements.map(\.sql) } == [
            [#"ALTER TABLE "Sales Dept"."Order Lines" RENAME COLUMN "Unit.Price" TO "Unit Price";"#],
            [#"ALTER TABLE "Sales Dept"."Order Lines" RENAME COLUMN "Unit Price" TO "Unit.Price";"#],
        ])
        let values = try valuesAfterPlan(from: schema, rows: #"insert into "Sales Dept"."Order Lines" ("Qty", "Unit.Price", note) values (2, 1.5, 'a');"#,
                                         to: renamed, query: #"select * from "Sales Dept"."Order Lines""#, renames: [rename])
        #expect(values == ["2|1.5|3.0|a"])
    }

    /// A column renamed on a partitioned table and on an inheritance parent is renamed in
    /// their partitions and children too (RENAME COLUMN recurses; the server refuses it on them
    /// alone): nothing of theirs is dropped, and on 18 their NOT NULL constraints keep the
    /// names they had (the parent's).
    @Test func aParentsRenamedColumnIsRenamedInItsPartitionsAndChildren() throws {
        let schema = """
            create table events (id bigint not null, at date not null, note text not null) partition by range (at);
            create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
            create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01') partition by list (id);
            create table events_2025_1 partition of events_2025 for values in (1);
            create index on events (note);
            create table base (id int not null, name text not null check (name <> ''));
            create table child (extra int not null) inherits (base);
            """
        let renamed = schema + "alter table events rename column note to body; alter table base rename column name to title;"
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        let forward = ["public.events.note=body", "public.base.name=title"].compactMap { Rename.parse($0, tables: Set(old.tables.map(\.name))) }
        #expect(forward.count == 2)
        for (source, target, renames) in [(old, new, forward), (new, old, Rename.reversed(forward))] {
            let plan = Planner(from: source, to: target, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major())).plan()
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
            #expect(plan.dataLoss.isEmpty && plan.statements.allSatisfy { $0.sql.contains(" RENAME COLUMN ") }, "\(plan.sql)")
        }
        let values = try valuesAfterPlan(from: schema, rows: "insert into events values (1, '2025-02-01', 'a'); insert into child values (1, 'b', 2);",
                                         to: renamed, query: "select body from events union all select title from base",
                                         renames: ["public.events.note=body", "public.base.name=title"])
        #expect(values == ["a", "b"])
    }

    /// A partition and an inheritance child renamed, and a table moved into a schema the plan
    /// makes: the schema comes first, and on 18 the NOT NULL constraints a table named after
    /// itself keep their old names (RENAME TO renames no constraint), those it holds from its
    /// parent the parent's.
    @Test func aRenamedPartitionAndChildAndATableMovedIntoANewSchema() throws {
        let schema = """
            create table events (id bigint not null, at date not null) partition by range (at);
            create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
            create table base (id int not null);
            create table child (extra int not null, id int not null) inherits (base);
            create table people (id int primary key, name text not null);
            """
        let renamed = schema + """
            alter table events_2024 rename to events_y2024; alter table child rename to kid;
            create schema archive; alter table people set schema archive;
            """
        let renames = ["public.events_2024=public.events_y2024", "public.child=public.kid", "public.people=archive.people"]
        let values = try valuesAfterPlan(from: schema, rows: "insert into events values (1, '2024-03-01'); insert into kid values (1, 2); insert into people values (3, 'c');".replacingOccurrences(of: "kid", with: "child"),
                                         to: renamed, query: "select id from events_y2024 union all select extra from kid union all select id from archive.people",
                                         renames: renames)
        #expect(values == ["1", "2", "3"])
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        let forward = renames.compactMap { Rename.parse($0, tables: Set(old.tables.map(\.name))) }
        for (source, target, renames) in [(old, new, forward), (new, old, Rename.reversed(forward))] {
            let plan = Planner(from: source, to: target, options: PlanOptions(renames: renames, serverMajor: try ServerFeatures.major())).plan()
            #expect(try Proving.check().prove(plan, from: source, to: target).holds, "\(plan.sql)")
            #expect(plan.dataLoss.isEmpty, "\(plan.sql)")
        }
    }

    /// Rails' `rename_table` renames the table, its serial's sequence and its key's index:
    /// with `--rename` for the table, the sequence owned by the same column and the key are
    /// renamed too, without asking (the sequence goes on counting; nothing is built again).
    @Test func aTableRenamedWithItsSequenceAndKeyKeepsCounting() throws {
        let schema = "create table orders (id bigserial primary key, total numeric); create index index_orders_on_total on orders (total);"
        let renamed = schema + """
            alter table orders rename to purchases; alter sequence orders_id_seq rename to purchases_id_seq;
            alter index orders_pkey rename to purchases_pkey; alter index index_orders_on_total rename to index_purchases_on_total;
            """
        let values = try valuesAfterPlan(from: schema, rows: "insert into orders (total) values (1), (2);", to: renamed,
                                         query: "insert into purchases (total) values (3) returning id", renames: ["public.orders=purchases"])
        #expect(values == ["3"], "the sequence went on counting")
        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: renamed)
        for plan in try provedPlansBothWays(old, new, renaming: "public.orders=purchases") {
            #expect(plan.dataLoss.isEmpty)
            #expect(plan.statements.allSatisfy { $0.sql.contains(" RENAME ") }, "\(plan.sql)")
        }
    }

    /// A table renamed, and one moved to another schema, with what is on them and what reads
    /// them: a rule, extended statistics, a trigger, a policy, a view, a SQL-standard body. The
    /// server keeps each by the table's number and prints the new name (a view's columns are
    /// qualified with it): the plan renames or moves the table and makes nothing again.
    @Test func aRenamedOrMovedTableKeepsWhatIsOnItAndWhatReadsIt() throws {
        let schema = """
            create table deals (id int primary key, stage text, amount numeric);
            create rule no_negative as on insert to deals where new.id < 0 do instead nothing;
            create statistics deals_stats (dependencies) on stage, amount from deals;
            create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger deals_touch before update of stage on deals for each row execute function touch();
            alter table deals enable row level security;
            create policy open_deals on deals using (stage is not null);
            create view big_deals as select id, stage from deals where amount > 1000;
            create function deal_count() returns bigint language sql stable begin atomic select count(stage) from deals; end;
            """
        let old = try TestDatabase.model(after: schema)
        for (change, rename) in [("alter table deals rename to opportunities", "public.deals=opportunities"),
                                 ("create schema sales; alter table deals set schema sales", "public.deals=sales.deals")] {
            let new = try TestDatabase.model(after: schema + change)
            for plan in try provedPlansBothWays(old, new, renaming: rename) {
                #expect(plan.dataLoss.isEmpty)
                #expect(plan.statements.allSatisfy { $0.sql.contains(" RENAME TO ") || $0.sql.contains(" SCHEMA ") }, "\(plan.sql)")
            }
        }
    }

    /// An enum, a domain and a composite type renamed (`ALTER TYPE … RENAME TO`, as a developer
    /// does): the plan renames them, and the columns, defaults, checks, indexes, views and
    /// function signatures that name them stay (made again, each column would be retyped and
    /// its table rewritten; the enum's was refused as data loss). Both ways, proved, with rows.
    @Test func typesRenamedKeepTheirColumnsAndWhatNamesThem() throws {
        let schema = { (status: String, positive: String, pair: String) in
            """
            create type \(status) as enum ('new', 'paid', 'shipped');
            create domain \(positive) as int check (value > 0);
            create type \(pair) as (a int, b \(status));
            create table orders (id \(positive) primary key, s \(status) not null default 'new', history \(status)[], p \(pair),
                                 check (s <> 'shipped' or id > 1));
            create index on orders (id) where s = 'paid';
            create view paid as select id, p from orders where s = 'paid'::\(status);
            create function is_done(x \(status)) returns boolean language sql as $$ select x = 'shipped' $$;
            create function first_of(p \(pair)) returns int language sql begin atomic select (p).a; end;
            """
        }
        let (before, after) = (schema("status", "positive", "pair"), schema("order_status", "pos_int", "duo"))
        let values = try valuesAfterPlan(from: before, rows: "insert into orders values (1, 'paid', '{new,paid}', '(7,shipped)');",
                                         to: after, query: "select id, s, history, p, public.is_done(s) from orders")
        #expect(values == ["1|paid|{new,paid}|(7,shipped)|f"])
        let old = try TestDatabase.model(after: before), new = try TestDatabase.model(after: after)
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
            #expect(plan.dataLoss.isEmpty)
            #expect(plan.statements.map(\.sql).allSatisfy { $0.contains(" RENAME ") }, "\(plan.sql)")
        }
    }

    /// An enum's value renamed (`--rename public.status.paid=settled`): the rows holding it hold
    /// the new one, and the default, check, index and view that name it stay. Without the rename
    /// the plan is refused as data loss, naming the possible rename.
    @Test func anEnumValueRenamedKeepsItsRows() throws {
        let schema = { (paid: String) in
            """
            create type status as enum ('new', '\(paid)', 'shipped');
            create table orders (id int, s status default '\(paid)', check (s <> '\(paid)' or id > 0));
            create index on orders (id) where s = '\(paid)';
            create view paid as select id from orders where s = '\(paid)';
            """
        }
        let old = try TestDatabase.model(after: schema("paid")), new = try TestDatabase.model(after: schema("settled"))
        let unconfirmed = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(!unconfirmed.dataLoss.isEmpty)
        #expect(unconfirmed.possibleRenames == [
            #"possible rename of value 'paid' of "public"."status" to 'settled': --rename public.status.paid=settled keeps its rows' values"#])
        for plan in try provedPlansBothWays(old, new, renaming: "public.status.paid=settled") {
            #expect(plan.statements.count == 1 && plan.sql.contains(" RENAME VALUE "), "\(plan.sql)")
        }
        let values = try valuesAfterPlan(from: schema("paid"), rows: "insert into orders values (1, 'paid'), (2, 'new');", to: schema("settled"),
                                         query: "select id, s from orders order by id", renames: ["public.status.paid=settled"])
        #expect(values == ["1|settled", "2|new"])
    }

    /// A sequence of its own renamed (`--rename public.invoice_no=invoice_number`): it goes on
    /// counting where it was (made again, it would hand out invoice numbers already given).
    @Test func aSequenceRenamedGoesOnCounting() throws {
        let schema = { (name: String) in
            "create sequence \(name) start 1000; create table invoices (no bigint default nextval('\(name)'), total numeric);"
        }
        let old = try TestDatabase.model(after: schema("invoice_no")), new = try TestDatabase.model(after: schema("invoice_number"))
        #expect(Planner(from: old, to: new).plan().possibleRenames == [
            #"possible rename of sequence "public"."invoice_no" to "invoice_number": --rename public.invoice_no=invoice_number keeps its value"#])
        for plan in try provedPlansBothWays(old, new, renaming: "public.invoice_no=invoice_number") {
            #expect(plan.statements.count == 1 && plan.dataLoss.isEmpty, "\(plan.sql)")
        }
        let values = try valuesAfterPlan(from: schema("invoice_no"), rows: "insert into invoices (total) values (1), (2);",
                                         to: schema("invoice_number"), query: "insert into invoices (total) values (3) returning no",
                                         renames: ["public.invoice_no=invoice_number"])
        #expect(values == ["1002"])
    }

    /// An attribute whose type widens under columns: the values are cast, attribute by attribute.
    @Test func aRetypedAttributesValuesAreCast() throws {
        let values = try valuesAfterPlan(
            from: "create type money_pair as (amount int, currency text); create table prices (id int, price money_pair, history money_pair[]);",
            rows: "insert into prices values (1, '(12,EUR)', array['(3,USD)', '(4,CHF)']::money_pair[]);",
            to: "create type money_pair as (amount numeric(12,2), currency text); create table prices (id int, price money_pair, history money_pair[]);",
            query: "select price, history from prices")
        #expect(values == [#"(12.00,EUR)|{"(3.00,USD)","(4.00,CHF)"}"#])
    }

    /// An enum that loses a value nothing holds keeps every other value of its columns.
    @Test func anEnumRebuiltKeepsItsColumnsValues() throws {
        let values = try valuesAfterPlan(
            from: "create type status as enum ('new', 'open', 'closed'); create table ticket (id int, s status, past status[]);",
            rows: "insert into ticket values (1, 'new', '{closed,new}'), (2, 'closed', null), (3, null, '{}');",
            to: "create type status as enum ('new', 'closed'); create table ticket (id int, s status, past status[]);",
            query: "select id, s, past from ticket order by id")
        #expect(values == ["1|new|{closed,new}", "2|closed|NULL", "3|NULL|{}"])
    }

    /// sqldef's identity cases: a sequence's bounds moved past the value it stands at. One that
    /// never gave a value (`fresh`, standing at its old start 1, outside the new bounds) starts
    /// at the new start, as the target's would; one that has (the identity, 12 rows in, at -90)
    /// keeps counting from where it is, by the new increment.
    @Test func aSequenceWhoseBoundsMovePastItsStartRestartsOnlyIfItGaveNothing() throws {
        let values = try valuesAfterPlan(
            from: "create table v (id int, volt int generated by default as identity (start with -200 increment by 10 minvalue -200 maxvalue 200));"
                + "create sequence fresh;",
            rows: "insert into v (id) select g from generate_series(1, 12) g;",
            to: "create table v (id int, volt int generated by default as identity (start with -100 increment by 5 minvalue -100 maxvalue 100));"
                + "create sequence fresh start with -100 increment by -5 minvalue -1000 maxvalue -10;",
            query: "select max(volt), nextval('v_volt_seq'), nextval('fresh') from v")
        #expect(values == ["-90|-85|-100"])
    }

    /// pg-schema-diff's sequence cases: a sequence that stays, owned by a column the plan drops
    /// (or by a table it drops), would go with it. It is detached first, owned by its new column
    /// after, and goes on counting.
    @Test func aSequenceOwnedByAColumnThatGoesStaysAndGoesOnCounting() throws {
        let values = try valuesAfterPlan(
            from: "create sequence counter; create sequence other; create table a (n bigint, id bigint); create table gone (id bigint);"
                + "alter sequence counter owned by a.id; alter sequence other owned by gone.id;",
            rows: "select setval('counter', 41); select setval('other', 7);",
            to: "create sequence counter; create sequence other; create table a (n bigint); create table b (id bigint);"
                + "alter sequence counter owned by b.id;",
            query: "select nextval('counter'), nextval('other')")
        #expect(values == ["42|8"])
    }

    /// An identity column renamed with `--rename`: its sequence keeps its name (RENAME COLUMN
    /// renames none), the plan renames the column alone, and the next row takes the next value.
    @Test func aRenamedIdentityColumnKeepsItsSequenceAndItsValues() throws {
        let values = try valuesAfterPlan(
            from: "create table account (id bigint generated by default as identity primary key, name text);",
            rows: "insert into account (name) values ('a'), ('b');",
            to: "create table account (id bigint generated by default as identity primary key, name text);"
                + "alter table account rename column id to account_id;",
            query: "with added as (insert into account (name) values ('c') returning account_id, name) "
                + "select * from (select account_id, name from account union all select * from added) rows order by account_id",
            renames: ["public.account.id=account_id"])
        #expect(values == ["1|a", "2|b", "3|c"])
    }

    /// The calls a plan writes itself are to `pg_catalog`'s functions, whatever `public` holds
    /// (CVE-2018-1058): a function there that takes the column's exact types would otherwise
    /// win over the built-in, which takes any array, and pick another element.
    @Test func aPlansOwnCallsAreNotTakenOverByAFunctionOfTheSameName() throws {
        let shadow = "create function public.array_lower(integer[], integer) returns integer language sql immutable as 'select 2';"
        let values = try valuesAfterPlan(
            from: shadow + "create table t (v int[]);",
            rows: "insert into t values ('{10,20,30}');",
            to: shadow + "create table t (v int);",
            query: "select v from t")
        #expect(values == ["10"])
    }

    /// A table whose column changes type while another table's columns hold its row type (as
    /// is, in an array, inside a composite type, under a domain): the server refuses the change
    /// ("… uses its row type"). The holders pass through text around it, and their values,
    /// defaults, view, index and check come back.
    @Test func aTableRetypedUnderItsRowTypeKeepsTheValuesThatHoldIt() throws {
        let schema = """
            create table addr (street text, zip int);
            create type wrapper as (a addr, n int);
            create domain daddr as addr check ((value).zip is not null);
            create table person (id int primary key, home addr default row('x', 1)::addr, past addr[],
                                 w wrapper, d daddr, check ((home).zip > 0));
            create view pv as select id, (home).zip from person;
            create index person_zip on person (((home).zip));
            """
        let values = try valuesAfterPlan(
            from: schema,
            rows: "insert into person values (1, default, array[row('a', 2)::addr], row(row('b', 3)::addr, 4), row('c', 5)::addr);",
            to: schema.replacingOccurrences(of: "zip int", with: "zip bigint"),
            query: "select home, past, w, d, (select zip from pv), pg_typeof((home).zip) from person")
        #expect(values == [#"(x,1)|{"(a,2)"}|("(b,3)",4)|(c,5)|1|bigint"#])
    }

    /// The same where the held table loses a column and gains one (with a volatile default, a
    /// rewrite), or is made again (partitioned): the holders' values are read back by attribute
    /// name, the new attribute NULL, an element NULL or a row of NULLs as it was.
    @Test(arguments: ["create table addr (street text, zip bigint, made timestamptz default clock_timestamp())",
                      "create table addr (street text, extra text, zip int) partition by range (zip);"
                        + " create table addr_1 partition of addr for values from (0) to (1000)"])
    func aHeldTableOfAnotherShapeKeepsTheValuesThatHoldIt(_ target: String) throws {
        let holders = """
            ;
            create table person (id int primary key, home addr, past addr[], gone addr);
            """
        let values = try valuesAfterPlan(
            from: "create table addr (street text, extra text, zip int)" + holders,
            rows: "insert into person values (1, row('a', 'e', 1), array[row('b', null, 2)::addr, null, row(null, null, null)::addr], null);",
            to: target + holders,
            query: "select (home).street, (home).zip, past[1].street, past[2] is null, past[3] is not distinct from null, gone is null from person",
            renumbered: true)
        #expect(values == ["a|1|b|t|f|t"])
    }

    /// A function replaced in place with other results: the server recomputes nothing it
    /// stored from the old ones. The index over it is built again (a query through the stale
    /// one found nothing), the stored generated column computed again, the check made again.
    @Test func whatIsStoredFromAReplacedFunctionIsComputedAgain() throws {
        let schema = """
            create function norm(t text) returns text immutable language sql as 'select lower(t)';
            create table t (id int primary key, name text, g text generated always as (norm(name)) stored,
                            constraint not_bad check (norm(name) <> 'BAD'));
            create index t_norm on t (norm(name));
            """
        let target = schema.replacingOccurrences(of: "lower(t)", with: "upper(t)")
        let values = try valuesAfterPlan(
            from: schema, rows: "insert into t (id, name) values (1, 'Ab'), (2, 'cd'); set enable_seqscan = off;", to: target,
            query: "select id, g from t where norm(name) = 'AB'", renumbered: true)
        #expect(values == ["1|AB"])
        // A row the new function puts outside a table's check, or a domain's: the plan fails, in its transaction.
        let domain = """
            create function norm(t text) returns text immutable language sql as 'select lower(t)';
            create domain word as text constraint not_bad check (norm(value) <> 'BAD');
            create table w (id int primary key, v word);
            """
        for (schema, target, row) in [(schema, target, "insert into t (id, name) values (1, 'bad')"),
                                      (domain, domain.replacingOccurrences(of: "lower(t)", with: "upper(t)"), "insert into w values (1, 'bad')")] {
            let database = try TestDatabase.make()
            defer { database.drop() }
            let connection = try database.connect()
            try connection.execute(schema)
            let old = try Inspector().inspect(connection)
            try connection.execute(row)
            let plan = Planner(from: old, to: try TestDatabase.model(after: target), options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            #expect(plan.statements.contains { $0.sql.contains("ADD CONSTRAINT \"not_bad\"") || $0.sql.contains("ADD CONSTRAINT not_bad") }, "\(plan.sql)")
            #expect(throws: (any Error).self) {
                try connection.execute("BEGIN;\n" + plan.statements.map { $0.sql + ";" }.joined(separator: "\n") + "\nCOMMIT;")
            }
        }
    }

    /// The same for a text search configuration whose mapping changes: the stored vectors and
    /// the index over `to_tsvector` with it are computed again (`running` no longer stemmed).
    @Test func whatIsStoredFromAChangedTextSearchConfigurationIsComputedAgain() throws {
        let schema = """
            create text search configuration my_en (copy = english);
            create table docs (id int primary key, body text, tsv tsvector generated always as (to_tsvector('my_en', body)) stored);
            create index docs_words on docs using gin (to_tsvector('my_en', body));
            """
        let values = try valuesAfterPlan(
            from: schema, rows: "insert into docs values (1, 'running'); set enable_seqscan = off;",
            to: schema + "alter text search configuration my_en alter mapping for asciiword with simple;",
            query: "select id, tsv from docs where to_tsvector('my_en', body) @@ 'running'::tsquery", renumbered: true)
        #expect(values == ["1|'running':1"])
    }

    /// A body that changes only in its white space, comments or keywords' case gives the same
    /// results: only the function is replaced.
    @Test func aFunctionRewrittenInTheSameWordsLeavesWhatItStoredBe() throws {
        let schema = """
            create function norm(t text) returns text immutable language sql as 'select lower(t)';
            create table t (id int primary key, name text, g text generated always as (norm(name)) stored);
            create index t_norm on t (norm(name));
            """
        let old = try TestDatabase.model(after: schema)
        let new = try TestDatabase.model(after: schema.replacingOccurrences(of: "'select lower(t)'", with: "'SELECT  lower( t ) -- the same'"))
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(plan.statements.map(\.sql).filter { !$0.hasPrefix("SET ") }.count == 1 && plan.recomputed.isEmpty, "\(plan.sql)")
    }

    /// A materialized view that reads a replaced function, itself or through a view, holds the
    /// rows the old one gave: it is refreshed (online, `CONCURRENTLY` over its unique index on
    /// a column), and its index over the function made again. One made `WITH NO DATA` stays so.
    @Test func aMaterializedViewOverAReplacedFunctionIsRefreshed() throws {
        let schema = """
            create function norm(t text) returns text immutable language sql as 'select lower(t)';
            create table t (id int primary key, name text);
            create materialized view direct as select id, norm(name) as n from t;
            create unique index direct_id on direct (id);
            create index direct_norm on direct (norm(n));
            create view v as select id, norm(name) as n from t;
            create materialized view through as select id, n from v;
            create materialized view later as select id, norm(name) as n from t with no data;
            create materialized view bystander as select id from t;
            """
        let target = schema.replacingOccurrences(of: "lower(t)", with: "upper(t)")
        let values = try valuesAfterPlan(
            from: schema, rows: """
                insert into t values (1, 'Ab');
                refresh materialized view direct; refresh materialized view through; set enable_seqscan = off;
                """,
            to: target, query: "select (select n from direct where norm(n) = 'AB'), (select n from through)")
        #expect(values == ["AB|AB"])

        let old = try TestDatabase.model(after: schema), new = try TestDatabase.model(after: target)
        for online in [false, true] {
            let plan = Planner(from: old, to: new, options: PlanOptions(online: online, serverMajor: try ServerFeatures.major())).plan()
            let refreshes = plan.statements.map(\.sql).filter { $0.hasPrefix("REFRESH ") }
            #expect(refreshes == [online ? "REFRESH MATERIALIZED VIEW CONCURRENTLY \"public\".\"direct\";" : "REFRESH MATERIALIZED VIEW \"public\".\"direct\";",
                                  "REFRESH MATERIALIZED VIEW \"public\".\"through\";"], "\(plan.sql)")
            #expect(plan.notes.contains("materialized view \"public\".\"through\" is refreshed over \"public\".\"norm\", which changes"), "\(plan.notes)")
            #expect(try Proving.check().prove(plan, from: old, to: new).holds, "\(plan.sql)")
        }
        // Made again whole (the column it reads changes type too), a view is filled anew: no refresh of its own.
        let retyped = try TestDatabase.model(after: target.replacingOccurrences(of: "name text", with: "name varchar(20)"))
        let plan = Planner(from: old, to: retyped, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(!plan.statements.contains { $0.sql.hasPrefix("REFRESH ") } && !plan.notes.contains { $0.contains(" is refreshed ") },
                "\(plan.sql)")
        #expect(try Proving.check().prove(plan, from: old, to: retyped).holds, "\(plan.sql)")
    }

    /// An operator class whose support function and operators' functions are replaced orders
    /// values otherwise: the index built by it is made again (a search through the old one
    /// misses rows), and so is a check that applies one of its operators, checked again.
    /// PL/pgSQL functions: a SQL one is inlined, and the query would not search the index.
    @Test func anIndexByAnOperatorClassOverReplacedFunctionsIsMadeAgain() throws {
        let comparisons = [("lt", "<"), ("le", "<="), ("eq", "="), ("ge", ">="), ("gt", ">")]
        let schema = """
            create function mycmp(a int, b int) returns int immutable language plpgsql
              as 'begin return case when a % 10 < b % 10 then -1 when a % 10 > b % 10 then 1 else 0 end; end';
            \(comparisons.map { "create function my\($0.0)(a int, b int) returns bool immutable language plpgsql as 'begin return a % 10 \($0.1) b % 10; end';" }
                .joined(separator: "\n"))
            create operator <<< (function = mylt, leftarg = int, rightarg = int);
            create operator <<= (function = myle, leftarg = int, rightarg = int);
            create operator === (function = myeq, leftarg = int, rightarg = int);
            create operator >>= (function = myge, leftarg = int, rightarg = int);
            create operator >>> (function = mygt, leftarg = int, rightarg = int);
            create operator class mod_ops for type int using btree as
              operator 1 <<<, operator 2 <<=, operator 3 ===, operator 4 >>=, operator 5 >>>, function 1 mycmp(int, int);
            create table t (id int, v int, constraint not_seven check (not (v === 7)));
            create index t_v on t (v mod_ops);
            """
        let target = schema.replacingOccurrences(of: "% 10", with: "% 100")
        let values = try valuesAfterPlan(
            from: schema, rows: "insert into t select i, i from generate_series(1, 50) i where i % 10 <> 7 order by i % 10; set enable_seqscan = off;",
            to: target, query: "select count(*) from t where v <<< 25 union all select id from t where v === 38")
        #expect(values == ["22", "38"])
        let plan = Planner(from: try TestDatabase.model(after: schema), to: try TestDatabase.model(after: target)).plan()
        #expect(plan.recomputed.keys.map(\.name).sorted() == ["not_seven", "t_v"], "\(plan.sql)")
    }

    /// The same for the default class of a column's type, which an index's definition does not
    /// name (`USING btree (m)`): found by its pg_depend edge, the index is made again, and so is
    /// the primary key built by it.
    @Test func anIndexByAReplacedDefaultOperatorClassIsMadeAgain() throws {
        let schema = """
            create type mood as enum ('sad', 'ok', 'happy');
            create function mood_cmp(a mood, b mood) returns int immutable language plpgsql as 'begin return enum_cmp(a, b); end';
            create operator class mood_ops default for type mood using btree as
              operator 1 < (anyenum, anyenum), operator 2 <= (anyenum, anyenum), operator 3 = (anyenum, anyenum),
              operator 4 >= (anyenum, anyenum), operator 5 > (anyenum, anyenum), function 1 mood_cmp(mood, mood);
            create table t (m mood primary key, n int);
            create index t_m_n on t (m, n);
            create table bystander (n int primary key);
            """
        let target = schema.replacingOccurrences(of: "enum_cmp(a, b)", with: "enum_cmp(a, b) * 1")
        let plans = try Proving.plansBothWays(schema, target)
        for plan in plans {
            #expect(plan.recomputed.keys.map(\.name).sorted() == ["t_m_n", "t_pkey"], "\(plan.sql)")
        }
    }

    /// A view given another query in place (`CREATE OR REPLACE VIEW`): a materialized view that
    /// reads it, directly or through another, is refreshed; one that reads another view is not.
    @Test func aMaterializedViewOverAViewGivenAnotherQueryIsRefreshed() throws {
        let schema = """
            create table t (id int primary key, x int);
            create view v as select id from t where x > 0;
            create view w as select id from t;
            create materialized view m as select id from v;
            create materialized view n as select count(*) as c from m;
            create materialized view bystander as select id from w;
            """
        let target = schema.replacingOccurrences(of: "x > 0", with: "x > 1")
        let values = try valuesAfterPlan(
            from: schema, rows: "insert into t values (1, 1), (2, 2); refresh materialized view m; refresh materialized view n;",
            to: target, query: "select (select string_agg(id::text, ',') from m), (select c from n)")
        #expect(values == ["2|1"])
        let plan = Planner(from: try TestDatabase.model(after: schema), to: try TestDatabase.model(after: target)).plan()
        #expect(plan.statements.map(\.sql).filter { $0.hasPrefix("REFRESH ") }
                == ["REFRESH MATERIALIZED VIEW \"public\".\"m\";", "REFRESH MATERIALIZED VIEW \"public\".\"n\";"], "\(plan.sql)")
    }

    /// A partition key over a replaced function: the plan cannot say where each row now
    /// belongs, and says that the rows stay where they are.
    @Test func aPartitionKeyOverAReplacedFunctionIsSaid() throws {
        let schema = """
            create function bucket(v int) returns int immutable language sql as 'select v / 10';
            create table m (v int) partition by range (bucket(v));
            create table m0 partition of m for values from (0) to (100);
            """
        let old = try TestDatabase.model(after: schema)
        let new = try TestDatabase.model(after: schema.replacingOccurrences(of: "v / 10", with: "v / 100"))
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(plan.notes.contains { $0.hasPrefix("the partition key of \"public\".\"m\" calls \"public\".\"bucket\"") }, "\(plan.sql)")
    }
}
