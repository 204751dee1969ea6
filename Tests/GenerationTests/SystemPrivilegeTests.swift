import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Grants and revokes on the system's own objects and on extensions' members (a hardened
/// database's `REVOKE EXECUTE … FROM PUBLIC`, a monitoring role's `GRANT EXECUTE ON FUNCTION
/// pg_catalog.pg_ls_dir(text)`, a column's `GRANT SELECT (prosrc) ON pg_catalog.pg_proc`): read against what initdb or `CREATE EXTENSION` gave them,
/// written by the consolidated file, planned both ways. Before, they were lost without a word.
@Suite struct SystemPrivilegeTests {
    static let grants = """
        GRANT EXECUTE ON FUNCTION pg_catalog.pg_ls_dir(text) TO system_reader WITH GRANT OPTION;
        REVOKE EXECUTE ON FUNCTION pg_catalog.now() FROM PUBLIC;
        GRANT SELECT ON pg_catalog.pg_class TO system_reader;
        REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION pg_catalog.plpgsql_validator(oid) TO system_reader;
        GRANT SELECT (prosrc) ON pg_catalog.pg_proc TO system_reader;
        CREATE TABLE t (a int);
        """

    private func model(_ sql: String) throws -> DatabaseModel {
        try TestDatabase.ensureRole("system_reader")
        return try TestDatabase.model(after: sql)
    }

    @Test func theyAreReadAsStatementsBesideWhatInitdbGave() throws {
        #expect(try model("CREATE TABLE t (a int)").definedObjects.filter { $0.kind == .systemPrivileges }.isEmpty,
                "a fresh database has none")
        let read = try model(Self.grants).definedObjects.filter { $0.kind == .systemPrivileges }
        #expect(read.map(\.definition) == [
            "REVOKE EXECUTE ON FUNCTION pg_catalog.now() FROM PUBLIC;",
            "GRANT EXECUTE ON FUNCTION pg_catalog.pg_ls_dir(text) TO \"system_reader\" WITH GRANT OPTION;",
            "GRANT EXECUTE ON FUNCTION pg_catalog.plpgsql_validator(oid) TO \"system_reader\";",
            "REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;",
            "GRANT SELECT ON TABLE pg_catalog.pg_class TO \"system_reader\";",
            "GRANT SELECT (\"prosrc\") ON TABLE pg_catalog.pg_proc TO \"system_reader\";",
        ])
    }

    /// Only a superuser may grant on initdb's objects (`--trusted-sql`).
    @Test func theConsolidatedFileAndPlansBothWaysMakeThem() throws {
        let (fresh, granted) = (try model("CREATE TABLE t (a int)"), try model(Self.grants))
        try Proving.expectScriptRoundTrip(granted, "system privileges", trusted: true)
        try Proving.expectPlanHolds(from: fresh, to: granted, "granted", trusted: true)
        try Proving.expectPlanHolds(from: granted, to: fresh, "back to initdb's", trusted: true)
        let changed = try model(Self.grants.replacingOccurrences(of: " WITH GRANT OPTION", with: "").replacingOccurrences(of: "(prosrc)", with: "(proname, prosrc)")
                                + "REVOKE EXECUTE ON FUNCTION pg_catalog.now() FROM system_reader;")
        try Proving.expectPlanHolds(from: granted, to: changed, "changed", trusted: true)
    }
}
