import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// PostgreSQL 18 keeps an inheritance child's `NOT NULL` as a constraint that may be inherited
/// only, or the child's own as well (`conislocal`): named in its `CREATE TABLE`, made by a key
/// declared there, or set on the child alone. The child's own stays when the parent drops its
/// `NOT NULL`; the inherited one goes with it. LedgerSMB's notes tables hold such keys.
@Suite struct InheritedNotNullTests {
    static let family = """
        create table note (id int not null, body text not null, ref int not null);
        create table plain_note (x int) inherits (note);
        create table keyed_note (primary key (id)) inherits (note);
        create table own_column_note (body text not null, y int) inherits (note);
        create table named_note (constraint named_note_ref_required not null ref) inherits (note);
        create table set_note (x int) inherits (note);
        alter table only set_note alter column ref set not null;
        create table default_note () inherits (note);
        alter table default_note alter column ref set default 0;
        """

    static func requireEighteen() throws {
        if try ServerFeatures.major() < 18 { try Test.cancel("a child's NOT NULL is a constraint of its own from PostgreSQL 18") }
    }

    @Test func theModelTellsADeclaredNotNullFromAnInheritedOne() throws {
        try Self.requireEighteen()
        let model = try TestDatabase.model(after: Self.family)
        func column(_ table: String, _ name: String) throws -> Column {
            try #require(model.tables.first { $0.name.name == table }?.column(name))
        }
        #expect(try column("plain_note", "id").notNullLocal == false)
        #expect(try column("keyed_note", "id").notNullLocal == true)
        #expect(try column("keyed_note", "ref").notNullLocal == false)
        #expect(try column("own_column_note", "body").notNullLocal == true)
        #expect(try column("named_note", "ref").notNullLocal == true)
        #expect(try column("named_note", "ref").notNullName == "named_note_ref_required")
        // Set on the child alone, it keeps its parent's name, now its own.
        #expect(try column("set_note", "ref").notNullLocal == true)
        #expect(try column("set_note", "ref").notNullName == "note_ref_not_null")
        #expect(try column("note", "id").notNullLocal == nil, "a table without parents")
        #expect(try column("default_note", "ref").notNullLocal == false, "a default of its own, the NOT NULL inherited (GNUmed)")
    }

    /// The oracle: a database built from the consolidated file dumps as the source does.
    @Test func theConsolidatedFileMakesThemAsTheSourceHasThem() throws {
        try Self.requireEighteen()
        try Proving.expectDumpsAgree(Self.family, "children declaring their NOT NULL")
    }

    /// Children made apart that joined their parent before its columns became NOT NULL: the
    /// parent's SET NOT NULL reached them inherited only where they had none of their own. INHERIT
    /// asks a child for a NOT NULL of its own, so the file drops the parent's while one joins.
    @Test func aChildThatJoinedBeforeItsParentsNotNull() throws {
        try Self.requireEighteen()
        let sql = """
            create table base (a int, b int, c int);
            create table joined (x int, a int, b int, c int not null);
            create table sibling (a int not null, b int, c int, y int);
            alter table joined inherit base;
            alter table sibling inherit base;
            alter table base alter column a set not null;
            alter table base alter column c set not null;
            """
        let model = try TestDatabase.model(after: sql)
        let joined = try #require(model.tables.first { $0.name.name == "joined" })
        #expect(joined.column("a")?.notNullLocal == false)
        #expect(joined.column("c")?.notNullLocal == true)
        #expect(model.tables.first { $0.name.name == "sibling" }?.column("a")?.notNullLocal == true)
        try Proving.expectScriptRoundTrip(model, "joined before")
        _ = try Proving.plansBothWays("create table base (a int, b int, c int);", sql)
        try Proving.expectDumpsAgree(sql, "joined before")
    }

    /// A parent's NOT NULL added `NOT VALID` after its children joined, validated on them (the
    /// server's own regression suite, for pg_upgrade): a child that declared the column itself
    /// gets the parent's constraint when the file adds it, under the parent's name, and a child
    /// of two parents holds the one the other gave it, valid. Before, the file declared the
    /// first child's NOT NULL under its own name and failed validating the parent's on both.
    @Test func aParentsNotValidNotNullValidatedOnItsChildren() throws {
        try Self.requireEighteen()
        let sql = """
            create table constr_parent (a int);
            create table constr_child (a int) inherits (constr_parent);
            alter table constr_parent add not null a not valid;
            alter table constr_child validate constraint constr_parent_a_not_null;
            create table constr_parent2 (a int);
            create table constr_child2 () inherits (constr_parent2);
            alter table constr_parent2 add not null a not valid;
            alter table constr_child2 validate constraint constr_parent2_a_not_null;
            create table constr_parent3 (a int not null);
            create table constr_child3 () inherits (constr_parent2, constr_parent3);
            """
        let model = try TestDatabase.model(after: sql)
        try Proving.expectScriptRoundTrip(model, "NOT VALID NOT NULLs validated on children")
        _ = try Proving.plansBothWays("create table kept (a int);", sql + " create table kept (a int);")
    }

    /// Whether it is declared as well is compared with the column order (`diff --column-order`,
    /// the consolidated file's proof), as a column's own is: PostgreSQL cannot clear it in place,
    /// and a child that leaves a parent and joins one (`NO INHERIT`, `INHERIT`) holds it.
    @Test func itIsADifferenceOfTheStrictDiffOnly() throws {
        try Self.requireEighteen()
        let parent = "create table note (id int not null, body text);"
        let declared = try TestDatabase.model(after: parent + "create table keyed_note (primary key (id)) inherits (note);")
        let inherited = try TestDatabase.model(after: parent + "create table keyed_note () inherits (note); alter table keyed_note add primary key (id);")
        #expect(SchemaDiff(from: inherited, to: declared).isEmpty)
        let strict = SchemaDiff(from: inherited, to: declared, flattener: ModelFlattener(columnOrder: true))
        #expect(DiffRenderer.text(strict).contains("not null declared locally"), "\(DiffRenderer.text(strict))")
    }

    /// Inherited only, then the child's own too, under its parent's name: `SET NOT NULL` on the
    /// child alone. The way back has no statement, and the proof says which column it could not change.
    @Test func aChildMakesItsInheritedNotNullItsOwnInPlace() throws {
        try Self.requireEighteen()
        let before = try TestDatabase.model(after: Self.family)
        let after = try TestDatabase.model(after: Self.family + "alter table only plain_note alter column body set not null;")
        let forward = Planner(from: before, to: after, options: PlanOptions(serverMajor: 18)).plan()
        #expect(forward.sql.contains(#"ALTER TABLE ONLY "public"."plain_note" ALTER COLUMN "body" SET NOT NULL"#), "\(forward.sql)")
        try Proving.expectPlanHolds(from: before, to: after, "declared")

        let backward = Planner(from: after, to: before, options: PlanOptions(serverMajor: 18)).plan()
        let proof = try Proving.check().prove(backward, from: after, to: before)
        #expect(!proof.holds)
        #expect(DiffRenderer.text(proof.leftover).contains(#"column "public"."plain_note"."body""#), "\(DiffRenderer.text(proof.leftover))")
    }

    /// A child renamed keeps its own NOT NULL under the name it had, and the server renames no
    /// inherited constraint: where the target, made under the new name, holds the name the
    /// server gives that, the plan cannot make it, and its proof names the column.
    @Test func aRenamedChildKeepsTheNameOfTheNotNullItDeclares() throws {
        try Self.requireEighteen()
        let before = try TestDatabase.model(after: Self.family)
        let after = try TestDatabase.model(after: Self.family.replacingOccurrences(of: "keyed_note", with: "filed_note"))
        let renames = [Rename(table: QualifiedName(schema: "public", name: "keyed_note"), newName: "filed_note")]
        let plan = Planner(from: before, to: after, options: PlanOptions(renames: renames, serverMajor: 18)).plan()
        #expect(plan.sql.contains(#"ALTER TABLE "public"."keyed_note" RENAME TO "filed_note""#), "\(plan.sql)")
        #expect(!plan.sql.contains("RENAME CONSTRAINT"), "\(plan.sql)")
        let proof = try Proving.check().prove(plan, from: before, to: after)
        #expect(DiffRenderer.text(proof.leftover).contains("not null name: keyed_note_id_not_null → (none)"), "\(DiffRenderer.text(proof.leftover))")
    }

    /// New children that declare their inherited NOT NULL, made by a plan, and gone again.
    @Test func aPlanMakesAndDropsChildrenThatDeclareIt() throws {
        try Self.requireEighteen()
        _ = try Proving.plansBothWays("create table note (id int not null, body text not null, ref int not null);", Self.family)
    }
}
