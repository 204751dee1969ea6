import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A partition's primary key or unique constraint is attached to one index of its parent: the
/// parent's key, or a plain unique index. The model names which, and the plan writes it as
/// pg_dump does (`ALTER TABLE ONLY` the parent, then `ALTER INDEX … ATTACH PARTITION`), where the
/// server left to itself attaches whichever matching index it finds first, or builds another.
/// (pg-schema-diff's acceptance cases found each of these.)
@Suite struct PartitionKeyTests {
    static let tree = """
        create table t (id int not null, k text not null) partition by list (k);
        create table t_1 partition of t for values in ('a');
        """
    /// The tree with the partition's key attached to the parent's plain unique index `t_ui`.
    static let attachedToPlainIndex = tree + """
        create unique index t_ui on only t (k, id);
        create unique index t_1_pkey on t_1 (k, id);
        alter table t_1 add constraint t_1_pkey primary key using index t_1_pkey;
        alter index t_ui attach partition t_1_pkey;
        """

    /// Both ways, whole and each model's scripts: the key's attachment is read, and a plain parent
    /// index holding a partition's key goes with `CASCADE` (the key's own drop is refused).
    @Test func aPartitionsKeyAttachedToAPlainParentIndex() throws {
        let target = Self.attachedToPlainIndex
        let model = try TestDatabase.model(after: target)
        let key = try #require(model.tables.first { $0.name.name == "t_1" }?.constraints.first)
        #expect(key.attachedTo == "t_ui")
        #expect(ModelJSON.encode(model) == (try ModelJSON.encodeWithCodable(model)), "the fast JSON writer writes the attachment as Codable does")
        let plans = try Proving.plansBothWays(Self.tree, target)
        #expect(plans[0].sql.contains(#"ALTER INDEX "public"."t_ui" ATTACH PARTITION "public"."t_1_pkey";"#), "\(plans[0].sql)")
        #expect(plans[1].sql.contains(#"DROP INDEX IF EXISTS "public"."t_ui" CASCADE;"#), "\(plans[1].sql)")
        try Proving.expectScriptRoundTrip(model, "a key attached to a plain index")
    }

    /// A parent's plain unique index that becomes its primary key under the same name: the
    /// partition's key is made again under the new one, and back.
    @Test func aParentsUniqueIndexBecomesItsKey() throws {
        let plain = Self.tree + """
            create unique index t_pkey on t (k, id);
            alter table t_1 add constraint t_1_pkey primary key using index t_1_k_id_idx;
            """
        let key = Self.tree + "alter table t add constraint t_pkey primary key (k, id);"
        let plans = try Proving.plansBothWays(plain, key)
        #expect(plans[0].sql.contains(#"ALTER TABLE ONLY "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY (k, id);"#), "\(plans[0].sql)")
    }

    /// A key added `ONLY` to the parent stays incomplete until a partition's key is attached; the
    /// attachment is the one statement of the plan that completes it.
    @Test func aKeyAddedOnlyIsCompletedByAttachingThePartitionsKey() throws {
        let incomplete = Self.tree + """
            alter table only t add constraint t_pkey primary key (k, id);
            create unique index t_1_pkey on t_1 (k, id);
            alter table t_1 add constraint t_1_pkey primary key using index t_1_pkey;
            """
        let complete = incomplete + "alter index t_pkey attach partition t_1_pkey;"
        let model = try TestDatabase.model(after: incomplete)
        #expect(model.tables.first { $0.name.name == "t" }?.constraints.first?.incomplete == true)
        #expect(ModelJSON.encode(model) == (try ModelJSON.encodeWithCodable(model)), "the fast JSON writer writes `incomplete` as Codable does")
        let plans = try Proving.plansBothWays(incomplete, complete)
        #expect(plans[0].statements.map(\.sql) == [#"ALTER INDEX "public"."t_pkey" ATTACH PARTITION "public"."t_1_pkey";"#], "\(plans[0].sql)")
        try Proving.expectScriptRoundTrip(model, "an incomplete key")
    }

    /// A new partition whose own key is attached to the parent's plain unique index: `PARTITION
    /// OF` would give it a copy of that index first; made apart with its key, then attached.
    /// (Declared in `PARTITION OF`, the key is the partition's alone beside the copy: the parent's
    /// index, made after it by a script, must still attach the copy, not the key it finds first.)
    @Test func aNewPartitionWithItsOwnKeyUnderAParentIndexIsAttachedWithIt() throws {
        let base = "create table u (id int, k text, v text) partition by list (k); create unique index u_kv on u (k, v);"
        let attached = base + "create table u_1 (id int, k text not null, v text not null, primary key (k, v));"
            + "alter table u attach partition u_1 for values in ('a');"
        let model = try TestDatabase.model(after: attached)
        #expect(model.tables.first { $0.name.name == "u_1" }?.constraints.first?.attachedTo == "u_kv")
        let plans = try Proving.plansBothWays(base, attached)
        #expect(plans[0].sql.contains(#"ALTER TABLE "public"."u" ATTACH PARTITION "public"."u_1" FOR VALUES IN ('a');"#), "\(plans[0].sql)")
        try Proving.expectScriptRoundTrip(model, "a partition's key under a plain index")
        let declared = base + "create table u_1 partition of u (primary key (k, v)) for values in ('a');"
        _ = try Proving.plansBothWays(base, declared)
        try Proving.expectScriptRoundTrip(try TestDatabase.model(after: declared), "a partition's own key beside its copy of the parent's index")
    }

    /// A partition that moves to a new parent gets its key from `ATTACH PARTITION` (a copy of the
    /// new parent's), which a key of its own made after would meet (pg-schema-diff).
    @Test func aPartitionMovedUnderANewParentTakesItsKeyFromTheAttach() throws {
        let old = "create table p (id int, k text, unique (k, id)) partition by list (k); create table p_1 partition of p for values in ('a');"
        let new = "create table q (id int, k text, unique (k, id)) partition by list (k); create table p_1 partition of q for values in ('a');"
        for online in [false, true] { _ = try Proving.plansBothWays(old, new, online: online) }
    }

    /// A foreign key over a partition's key attached to a plain parent index: the parent index's
    /// `DROP … CASCADE` would take it silently; it is dropped before and added again after.
    @Test func aForeignKeyOverAPartitionsAttachedKeyOutlivesTheParentIndexsCascade() throws {
        let attached = Self.attachedToPlainIndex + "create table r (id int, k text, foreign key (k, id) references t_1 (k, id));"
        let own = Self.tree + "alter table t_1 add constraint t_1_pkey primary key (k, id);"
            + "create table r (id int, k text, foreign key (k, id) references t_1 (k, id));"
        let plans = try Proving.plansBothWays(attached, own)
        let sql = plans[0].statements.map(\.sql)
        let drop = try #require(sql.firstIndex(of: #"DROP INDEX IF EXISTS "public"."t_ui" CASCADE;"#), "\(plans[0].sql)")
        let dropKey = try #require(sql.firstIndex { $0.hasPrefix(#"ALTER TABLE "public"."r" DROP CONSTRAINT"#) }, "\(plans[0].sql)")
        let addKey = try #require(sql.firstIndex { $0.hasPrefix(#"ALTER TABLE "public"."r" ADD CONSTRAINT"#) }, "\(plans[0].sql)")
        #expect(dropKey < drop && drop < addKey, "\(plans[0].sql)")
    }
}
