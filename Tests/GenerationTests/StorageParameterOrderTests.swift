import Diff
import SchemaModel
import TestSupport
import Testing

/// Storage parameters as the catalog holds them, in the order they were set: pg_dump writes
/// them so, and the consolidated file of a table `WITH (fillfactor=10, autovacuum_enabled=false)`
/// gives back the same `pg_dump -s` (it wrote them sorted before). The order alone is no
/// difference: a plan that sets one appends it. A column's options (`n_distinct`) the same.
@Suite struct StorageParameterOrderTests {
    static let sql = """
        create table t (a int, b text) with (fillfactor = 10, autovacuum_enabled = false, toast.autovacuum_enabled = false);
        create materialized view m with (fillfactor = 50, autovacuum_enabled = off) as select 1 as x;
        create view v with (security_barrier = true, check_option = local) as select a from t;
        alter table t alter column b set (n_distinct_inherited = 5, n_distinct = -0.5);
        alter materialized view m alter column x set (n_distinct_inherited = 2, n_distinct = 1);
        """

    @Test func theConsolidatedFileWritesThemInTheirOrder() throws {
        try Proving.expectDumpsAgree(Self.sql, "storage parameters in the order they were set")
    }

    @Test func theOrderAloneIsNoDifference() throws {
        let set = try TestDatabase.model(after: Self.sql)
        #expect(set.tables.first?.storageParameters == ["fillfactor=10", "autovacuum_enabled=false", "toast.autovacuum_enabled=false"])
        #expect(set.tables.first?.column("b")?.options == ["n_distinct_inherited=5", "n_distinct=-0.5"])
        let reordered = try TestDatabase.model(after: """
            create table t (a int, b text) with (autovacuum_enabled = false, fillfactor = 10, toast.autovacuum_enabled = false);
            create materialized view m with (autovacuum_enabled = off, fillfactor = 50) as select 1 as x;
            create view v with (check_option = local, security_barrier = true) as select a from t;
            alter table t alter column b set (n_distinct = -0.5, n_distinct_inherited = 5);
            alter materialized view m alter column x set (n_distinct = 1, n_distinct_inherited = 2);
            """)
        #expect(SchemaDiff(from: set, to: reordered).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: set, to: reordered)))")
    }
}
