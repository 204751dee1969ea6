import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A partition added to a table that has a key and indexes gets a copy of each from the server
/// (`PARTITION OF`): the plan writes nothing more where the server's names are the target's, and
/// renames the copies where they are not.
@Suite struct NewPartitionTests {
    static let events = """
        create table ev (id bigint generated always as identity, at timestamptz not null, kind text,
                         primary key (id, at)) partition by range (at);
        create index on ev (kind); create index ev_at on ev using brin (at); create index ev_lower on ev (lower(kind));
        create table ev_2026_11 partition of ev for values from ('2026-11-01') to ('2026-12-01');
        """

    @Test func nextMonthsPartitionIsOneStatement() throws {
        let next = Self.events + "create table ev_2026_12 partition of ev for values from ('2026-12-01') to ('2027-01-01');"
        let plans = try Proving.plansBothWays(Self.events, next)
        #expect(plans[0].statements.count == 1, "\(plans[0].sql)")
        #expect(plans[0].statements.first?.sql.hasPrefix(#"CREATE TABLE "public"."ev_2026_12" PARTITION OF "public"."ev""#) == true)
    }

    /// Two parent indexes of one shape: the server gives the plain name to the copy of the older,
    /// which the model cannot tell (the proof's scratch database makes them in another order
    /// than the target's history did). Both copies are renamed by their attachment, swapping
    /// names where the server gave them the other way round (random history 2102, step 47).
    @Test func copiesOfOneShapeAreRenamedByTheirAttachment() throws {
        let table = """
            create table pt (id int, c text) partition by hash (id);
            create table p0 partition of pt for values with (modulus 2, remainder 0);
            create index z_ix on pt (c); create index a_ix on pt (c);
            """
        let next = table + "create table p1 partition of pt for values with (modulus 2, remainder 1);"
        let plans = try Proving.plansBothWays(table, next)
        #expect(plans[0].statements.filter { $0.sql.contains("RENAME TO %I") }.count == 2, "\(plans[0].sql)")
    }

    /// Under a default partition (which may hold rows of next month), the default is detached
    /// before the new partition is made, its rows of next month moved, and attached again; a plan
    /// run outside a transaction says the default is detached in between.
    @Test func aDefaultPartitionMakesRoomForNextMonth() throws {
        let events = Self.events + "create table ev_rest partition of ev default; create table other (id int);"
        let next = events + "create table ev_2026_12 partition of ev for values from ('2026-12-01') to ('2027-01-01');"
        let plans = try Proving.plansBothWays(events, next)
        let sql = plans[0].statements.map(\.sql)
        let detach = try #require(sql.firstIndex { $0.hasSuffix(#"DETACH PARTITION "public"."ev_rest";"#) })
        let create = try #require(sql.firstIndex { $0.hasPrefix(#"CREATE TABLE "public"."ev_2026_12" PARTITION OF"#) })
        let move = try #require(plans[0].statements.firstIndex { $0.hazards.contains(.rowsMoved(from: .init(schema: "public", name: "ev_rest"),
                                                                                                   to: .init(schema: "public", name: "ev_2026_12"))) })
        let attach = try #require(sql.firstIndex { $0.hasSuffix(#"ATTACH PARTITION "public"."ev_rest" DEFAULT;"#) })
        #expect(detach < create && create < move && move < attach, "\(plans[0].sql)")
        #expect(!plans[0].statements[detach].hazards.contains(.defaultDetached(.init(schema: "public", name: "ev_rest"))))
        // With an index built concurrently the plan runs outside a transaction.
        let online = Planner(from: try TestDatabase.model(after: events), to: try TestDatabase.model(after: next + "create index on other (id);"),
                             options: PlanOptions(online: true)).plan()
        #expect(online.needsNoTransaction)
        #expect(online.statements.contains { $0.hazards.contains(.defaultDetached(.init(schema: "public", name: "ev_rest"))) }, "\(online.sql)")
    }

    /// Under a tree a foreign key references, the default is not detached (the server refuses
    /// that while a row of it is referenced): the new partition is made as before.
    @Test func aReferencedTreesDefaultStaysAttached() throws {
        let events = Self.events + "create table ev_rest partition of ev default; create table note (ev bigint, at timestamptz, foreign key (ev, at) references ev);"
        let next = events + "create table ev_2026_12 partition of ev for values from ('2026-12-01') to ('2027-01-01');"
        let plans = try Proving.plansBothWays(events, next)
        #expect(!plans[0].sql.contains("DETACH") && plans[0].statements.count == 1, "\(plans[0].sql)")
    }

    /// Copies the target names otherwise (its key, an index, with a comment) are renamed by their
    /// attachment, whatever name the server gave them; a sub-partitioned partition passes its
    /// copies on to its own partitions.
    @Test func copiesNamedOtherwiseAreRenamed() throws {
        let next = Self.events + """
            create table ev_2026_12 partition of ev for values from ('2026-12-01') to ('2027-01-01') partition by range (at);
            create table ev_2026_12_a partition of ev_2026_12 for values from ('2026-12-01') to ('2026-12-16');
            alter index ev_2026_12_pkey rename to ev_2026_12_key;
            alter index ev_2026_12_a_kind_idx rename to "Ev a kind";
            comment on index "Ev a kind" is 'by kind';
            """
        let plans = try Proving.plansBothWays(Self.events, next)
        let renames = plans[0].statements.filter { $0.sql.contains("RENAME TO %I") }
        #expect(renames.count == 2, "\(plans[0].sql)")
        #expect(plans[0].sql.contains(#"COMMENT ON INDEX "public"."Ev a kind" IS 'by kind';"#), "\(plans[0].sql)")
        try Proving.expectScriptRoundTrip(try TestDatabase.model(after: next), "copies renamed")
    }
}
