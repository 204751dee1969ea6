import SQLGeneration
import TestSupport
import Testing

/// A column added to a parent reaches its children by the parent's `ADD COLUMN`: a child's own
/// would find it there already ("column … already exists").
@Suite struct InheritedColumnTests {
    static let family = """
        create table parent (id int primary key, name text);
        create table child (extra int) inherits (parent);
        create table grandchild () inherits (child);
        """

    @Test func aParentsNewColumnReachesItsChildrenByItsOwnAdd() throws {
        let plans = try Proving.plansBothWays(Self.family, Self.family + "alter table parent add column added jsonb default '{}';")
        #expect(plans[0].statements.filter { $0.sql.contains("ADD COLUMN") }.count == 1, "\(plans[0].sql)")
    }

    /// A child that declares the column too (merged with its parent's) is not the parent's alone:
    /// dropped from the parent, it stays on the child, which drops it itself. The grandchild's
    /// goes with the child's.
    @Test func aChildThatDeclaresTheColumnItselfToo() throws {
        let declared = Self.family + "alter table child add column added int; alter table parent add column added int;"
        let plans = try Proving.plansBothWays(Self.family, declared)
        let drops = plans[1].statements.map(\.sql).filter { $0.contains("DROP COLUMN") }
        #expect(drops == [#"ALTER TABLE "public"."parent" DROP COLUMN IF EXISTS "added";"#,
                          #"ALTER TABLE "public"."child" DROP COLUMN IF EXISTS "added";"#], "\(plans[1].sql)")
    }

    /// A column its parent's drop takes from its children and partitions has no drop of its own
    /// (one that only said the column was not there any more), nor a hazard of its own.
    @Test func aParentsDroppedColumnGoesFromItsChildrenAndPartitionsWithIt() throws {
        let tree = "create table m (id int, at date) partition by range (at);"
            + "create table m_1 partition of m for values from ('2024-01-01') to ('2025-01-01') partition by range (at);"
            + "create table m_1_a partition of m_1 for values from ('2024-01-01') to ('2024-07-01');"
        let plans = try Proving.plansBothWays(Self.family + tree, Self.family + tree
            + "alter table parent add column added int; alter table m add column added int;")
        let drops = plans[1].statements.map(\.sql).filter { $0.contains("DROP COLUMN") }
        #expect(drops.count == 2 && drops.allSatisfy { $0.contains(#""parent""#) || $0.contains(#""m""#) }, "\(plans[1].sql)")
        #expect(plans[1].dataLoss.count == 2, "\(plans[1].dataLoss)")
    }

    /// A column that owns a sequence its children's defaults read, dropped from the whole family:
    /// the parent's drop recurses (alone, it drops the sequence under the children's defaults).
    @Test func aColumnOwningASequenceGoesFromTheWholeFamilyAtOnce() throws {
        let numbered = Self.family + """
            alter table parent add column number int;
            create sequence parent_number owned by parent.number;
            alter table parent alter column number set default nextval('parent_number');
            """
        let plans = try Proving.plansBothWays(numbered, Self.family)
        #expect(plans[0].sql.contains(#"ALTER TABLE "public"."parent" DROP COLUMN"#), "\(plans[0].sql)")
    }

    /// A NOT NULL column the parent drops and a child keeps as its own, nullable or not; back,
    /// the parent's column comes NOT NULL and the child's merges with it. On 18 the child's copy
    /// of the parent's constraint stayed marked inherited after `ALTER TABLE ONLY … DROP COLUMN`,
    /// and nothing could drop it ("cannot drop inherited constraint"); back, the child's own SET
    /// NOT NULL made the constraint it inherits its own too. Each held on 15.
    @Test(arguments: ["int", "int not null"])
    func aNotNullColumnTheParentDropsAndAChildKeeps(_ kept: String) throws {
        let plans = try Proving.plansBothWays("create table p (id int not null, y int); create table c () inherits (p);",
                                              "create table p (y int); create table c (id \(kept)) inherits (p);")
        #expect(plans[0].sql.contains(#"ALTER TABLE ONLY "public"."p" DROP COLUMN IF EXISTS "id";"#), "\(plans[0].sql)")
    }
}
