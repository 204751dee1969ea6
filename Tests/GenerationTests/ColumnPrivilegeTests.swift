import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// The server's `REVOKE p ON TABLE` revokes `p` on each column too: a column's own grant,
/// kept by the target, is given back after the table's revoke.
@Suite struct ColumnPrivilegeTests {
    @Test func aColumnsGrantOutlivesTheRevokeOfItsTablesGrant() throws {
        try TestDatabase.ensureRole("rh_writer")
        let base = """
            create table t (id int primary key, note text, owner_id int);
            create view v as select id, note from t;
            grant update (note) on t to rh_writer; grant insert (note) on t to rh_writer with grant option;
            grant select (note) on v to rh_writer with grant option;

            """
        let plans = try Proving.plansBothWays(base, base + """
            grant all on t to rh_writer; grant select on v to rh_writer with grant option;
            """)
        // The way back revokes the table's grants, and grants the columns' again after.
        let back = plans[1].statements.map(\.sql)
        let revoke = try #require(back.firstIndex { $0.hasPrefix("REVOKE UPDATE ON TABLE \"public\".\"t\"") }, "\(back)")
        let regrant = try #require(back.firstIndex { $0 == "GRANT UPDATE (\"note\") ON TABLE \"public\".\"t\" TO \"rh_writer\";" }, "\(back)")
        #expect(revoke < regrant)
        #expect(back.contains("GRANT INSERT (\"note\") ON TABLE \"public\".\"t\" TO \"rh_writer\" WITH GRANT OPTION;"), "\(back)")
        #expect(back.contains("GRANT SELECT (\"note\") ON TABLE \"public\".\"v\" TO \"rh_writer\" WITH GRANT OPTION;"), "\(back)")

        // A grant option alone revoked from the table takes the column's.
        _ = try Proving.plansBothWays(base + "grant insert on t to rh_writer with grant option;", base + "grant insert on t to rh_writer;")
    }
}
