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

    /// A child that declares the column too (merged with its parent's) is not the parent's alone.
    @Test func aChildThatDeclaresTheColumnItselfToo() throws {
        let declared = Self.family + "alter table child add column added int; alter table parent add column added int;"
        _ = try Proving.plansBothWays(Self.family, declared)
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
