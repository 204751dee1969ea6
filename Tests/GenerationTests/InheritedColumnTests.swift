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
}
