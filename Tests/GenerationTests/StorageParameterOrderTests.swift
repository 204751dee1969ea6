import Diff
import SchemaModel
import TestSupport
import Testing

/// Storage parameters as the catalog holds them, in the order they were set: pg_dump writes
/// them so, and the consolidated file of a table `WITH (fillfactor=10, autovacuum_enabled=false)`
/// gives back the same `pg_dump -s` (it wrote them sorted before). The order alone is no
/// difference: a plan that sets one appends it.
@Suite struct StorageParameterOrderTests {
    static let sql = """
        create table t (a int, b text) with (fillfactor = 10, autovacuum_enabled = false, toast.autovacuum_enabled = false);
        create materialized view m with (fillfactor = 50, autovacuum_enabled = off) as select 1 as x;
        create view v with (security_barrier = true, check_option = local) as select a from t;
        """

    @Test func theConsolidatedFileWritesThemInTheirOrder() throws {
        try Proving.expectDumpsAgree(Self.sql, "storage parameters in the order they were set")
    }

    @Test func theOrderAloneIsNoDifference() throws {
        let set = try TestDatabase.model(after: Self.sql)
        #expect(set.tables.first?.storageParameters == ["fillfactor=10", "autovacuum_enabled=false", "toast.autovacuum_enabled=false"])
        let reordered = try TestDatabase.model(after: """
            create table t (a int, b text) with (autovacuum_enabled = false, fillfactor = 10, toast.autovacuum_enabled = false);
            create materialized view m with (autovacuum_enabled = off, fillfactor = 50) as select 1 as x;
            create view v with (check_option = local, security_barrier = true) as select a from t;
            """)
        #expect(SchemaDiff(from: set, to: reordered).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: set, to: reordered)))")
    }
}
