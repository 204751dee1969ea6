import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An index or constraint the target holds under another name only is renamed in place: an
/// index dropped and made again is built again (a scan and sort under a lock that blocks
/// writes), a key's unique index too, and a foreign key or check is validated again.
@Suite struct NameOnlyRenameTests {
    static let before = """
        create table t (id int primary key, a int not null, b text, c int check (c > 0), constraint t_b_key unique (b));
        create index t_a_idx on t (a) where a > 0;
        create index on t (lower(b));
        create table u (id int references t, x int);
        alter table t cluster on t_b_key;
        create table p (id int, at date) partition by range (at);
        create table p1 partition of p for values from ('2024-01-01') to ('2025-01-01');
        create index p_at_idx on p (at);
        create unique index t_a_uq on t (a);
        alter table t replica identity using index t_a_uq;
        create materialized view mv as select id from t;
        create index on mv (id);
        """

    /// The same schema as a developer's database has it after a naming convention was adopted.
    static let after = before + """
        alter table t rename constraint t_pkey to t_primary; alter table t rename constraint t_c_check to c_positive;
        alter table t rename constraint t_b_key to t_b_unique; alter index t_a_idx rename to t_a_partial;
        alter index t_lower_idx rename to t_lower_b; alter table u rename constraint u_id_fkey to u_t_fk;
        alter index p_at_idx rename to p_at; alter index p1_at_idx rename to p1_at; alter index t_a_uq rename to t_a_unique;
        comment on index t_lower_b is 'by name'; alter index mv_id_idx rename to mv_by_id;
        """

    @Test func indexesAndConstraintsRenamedElsewhereAreRenamedNotBuiltAgain() throws {
        let old = try TestDatabase.model(after: Self.before), new = try TestDatabase.model(after: Self.after)
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
            let statements = plan.statements.map(\.sql)
            #expect(statements.filter { $0.contains(" RENAME ") }.count == 10, "\(plan.sql)")
            #expect(!statements.contains { $0.hasPrefix("CREATE") || $0.contains(" ADD ") || $0.hasPrefix("DROP") || $0.contains(" DROP ") },
                    "nothing is built again: \(plan.sql)")
            #expect(plan.dataLoss.isEmpty)
        }
    }

    /// A name another relation of the schema holds (here a table the plan drops) is not taken
    /// by a rename that would collide with it: the index is made again, as before.
    @Test func aNameAnotherRelationHoldsIsLeftToDropAndCreate() throws {
        let old = try TestDatabase.model(after: "create table t (a int); create index t_a_idx on t (a); create table t_a (x int);")
        let new = try TestDatabase.model(after: "create table t (a int); create index t_a on t (a);")
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(try Proving.check().prove(plan, from: old, to: new).holds, "\(plan.sql)")
        #expect(!plan.sql.contains("RENAME"), "\(plan.sql)")
    }
}
