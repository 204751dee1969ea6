import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// PostgreSQL 18 names a partition's NOT NULL by how the partition was made: `PARTITION OF`
/// gives it its parent's name, a table made apart and attached keeps its own (`t_a_not_null`,
/// or one it was given), and the server renames no inherited constraint after. The server's
/// own regression suite leaves all of these (`pk5_a_not_null` under `pk`'s partitions); the
/// consolidated file made every one `PARTITION OF`, under the parent's names, and neither
/// `diff` nor a proof saw it, only `pg_dump`.
@Suite struct PartitionNotNullNameTests {
    /// Partitions made and attached every way, one level down too, and one that held its own
    /// NOT NULL before its parent had one.
    static let family = """
        create table p (a int not null, b int) partition by list (a);
        create table p_made partition of p for values in (1);
        create table p_attached (a int not null, b int);
        alter table p attach partition p_attached for values in (2);
        create table p_named (a int constraint p_named_own not null, b int);
        alter table p attach partition p_named for values in (3);
        create table p_sub (a int not null, b int) partition by list (b);
        alter table p attach partition p_sub for values in (4);
        create table p_sub_made partition of p_sub for values in (1);
        create table p_other_order (b int, a int constraint p_a_not_null not null);
        alter table p attach partition p_other_order for values in (5);
        create table p_first (a int, b int) partition by list (b);
        create table p_first_made partition of p_first for values in (1);
        alter table p_first_made alter column a set not null;
        alter table p_first alter column a set not null;
        """

    /// The same tables, none attached (those made `PARTITION OF` made apart).
    static let apart = """
        create table p (a int not null, b int) partition by list (a);
        create table p_made (a int not null, b int);
        create table p_attached (a int not null, b int);
        create table p_named (a int constraint p_named_own not null, b int);
        create table p_sub (a int not null, b int) partition by list (b);
        create table p_sub_made partition of p_sub for values in (1);
        create table p_other_order (b int, a int constraint p_a_not_null not null);
        create table p_first (a int, b int) partition by list (b);
        create table p_first_made partition of p_first for values in (1);
        alter table p_first_made alter column a set not null;
        alter table p_first alter column a set not null;
        """

    static func requireEighteen() throws {
        if try ServerFeatures.major() < 18 { try Test.cancel("a partition's NOT NULL is a named constraint from PostgreSQL 18") }
    }

    @Test func theModelNamesEveryNameThatIsNotTheParents() throws {
        try Self.requireEighteen()
        let model = try TestDatabase.model(after: Self.family)
        func name(_ table: String) throws -> String? {
            try #require(model.tables.first { $0.name.name == table }?.column("a")).notNullName
        }
        #expect(try name("p_made") == nil, "PARTITION OF: the parent's")
        #expect(try name("p_attached") == "p_attached_a_not_null", "attached: its own, though the name the server gives it")
        #expect(try name("p_named") == "p_named_own")
        #expect(try name("p_sub") == "p_sub_a_not_null")
        #expect(try name("p_sub_made") == nil, "its parent's, p_sub_a_not_null")
        #expect(try name("p_other_order") == nil, "attached under its parent's name")
        #expect(try name("p_first_made") == "p_first_made_a_not_null", "its own, held before its parent had one")
        #expect(try name("p") == nil && name("p_first") == nil)
    }

    /// The oracle: a database built from the consolidated file dumps as the source does.
    @Test func theConsolidatedFileMakesThemAsTheSourceHasThem() throws {
        try Self.requireEighteen()
        try Proving.expectFileGivesItBack(Self.family, "partitions' NOT NULL names")
    }

    /// Tables attached take the names the target holds before they join (after, no inherited
    /// constraint is renamed), and take their own again when they leave.
    @Test func plansAttachAndDetachThemUnderTheirNames() throws {
        try Self.requireEighteen()
        _ = try Proving.plansBothWays(Self.apart, Self.family)
        _ = try Proving.plansBothWays("create table kept (a int);", Self.family + " create table kept (a int);")
    }
}
