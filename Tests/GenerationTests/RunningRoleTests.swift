import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// `ALTER DEFAULT PRIVILEGES` without `FOR ROLE` applies to the role that runs it: the
/// replay records it for its own role, production for its deploy role. Like owners,
/// that name is compared only with `--owners`, and a script or plan grants the
/// defaults for whoever applies it. Another role's defaults keep its name.
@Suite struct RunningRoleTests {
    static let migration = """
        CREATE TABLE t (a int);
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO crm_reader;
        ALTER DEFAULT PRIVILEGES FOR ROLE crm_reader REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
        """

    /// The migration run by the server's superuser, and by `crm_owner`.
    static func environments() throws -> (DatabaseModel, DatabaseModel) {
        try TestDatabase.ensureRole("crm_reader")
        try TestDatabase.ensureRole("crm_owner")
        // The membership is the cluster's: two tests granting it at once collide on its catalog row.
        let setup = """
            GRANT CREATE ON SCHEMA public TO crm_owner;
            DO $$ BEGIN GRANT crm_reader TO crm_owner; EXCEPTION WHEN unique_violation THEN NULL; END $$;

            """
        let mine = try TestDatabase.model(after: setup + migration)
        let theirs = try TestDatabase.model(after: setup + "SET ROLE crm_owner;\n" + migration)
        return (mine, theirs)
    }

    @Test func theRunningRolesDefaultsAreComparedWithoutItsName() throws {
        let (mine, theirs) = try Self.environments()
        #expect(mine.runningRole != theirs.runningRole)
        #expect(theirs.runningRole == "crm_owner")
        let diff = SchemaDiff(from: mine, to: theirs)
        #expect(diff.isEmpty, "\(DiffRenderer.text(diff, colour: false))")
        let withOwners = SchemaDiff(from: mine, to: theirs, flattener: ModelFlattener(owners: true))
        let named = withOwners.changes.filter { $0.id.kind == .defaultPrivileges }.map(\.id.name)
        #expect(named.contains { $0.hasPrefix("for role crm_owner in schema public on tables") }, "\(named)")
    }

    @Test func aScriptGrantsTheDefaultsForWhoeverAppliesIt() throws {
        let (_, theirs) = try Self.environments()
        let script = SchemaScript(model: theirs, header: SchemaScript.Header(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script.contains("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO \"crm_reader\";"), "\(script)")
        #expect(!script.contains("FOR ROLE crm_owner") && !script.contains("FOR ROLE \"crm_owner\""), "the running role is not named")
        #expect(script.contains("ALTER DEFAULT PRIVILEGES FOR ROLE crm_reader REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"),
                "another role's defaults keep its name")
        try Proving.expectScriptRoundTrip(theirs, "running role's default privileges")
    }

    /// A plan runs as the deploy role, which need not own what it changes: what is revoked
    /// from (or granted to) an object's owner must reach the owner the database has, not
    /// `CURRENT_USER` (an audit table made append-only for the application's own role).
    @Test func privilegesOfAnObjectsOwnerReachItsOwnerNotThePlansRole() throws {
        try TestDatabase.ensureRole("crm_owner")
        let schema = """
            CREATE SCHEMA audit; CREATE TABLE audit.log (id int, note text); CREATE SEQUENCE audit.ids;
            CREATE TYPE audit.level AS ENUM ('low', 'high'); CREATE DOMAIN audit.note AS text;
            ALTER SCHEMA audit OWNER TO crm_owner; ALTER TABLE audit.log OWNER TO crm_owner;
            ALTER SEQUENCE audit.ids OWNER TO crm_owner; ALTER TYPE audit.level OWNER TO crm_owner;
            ALTER DOMAIN audit.note OWNER TO crm_owner;
            CREATE FUNCTION audit.stamp(note text, lvl audit.level) RETURNS text LANGUAGE sql AS 'SELECT note';
            ALTER FUNCTION audit.stamp(text, audit.level) OWNER TO crm_owner;
            CREATE TRUSTED LANGUAGE audit_pl HANDLER plpgsql_call_handler; ALTER LANGUAGE audit_pl OWNER TO crm_owner;
            CREATE FOREIGN DATA WRAPPER audit_fdw; CREATE SERVER audit_files FOREIGN DATA WRAPPER audit_fdw;
            ALTER SERVER audit_files OWNER TO crm_owner;

            """
        let revoked = """
            REVOKE UPDATE, DELETE, TRUNCATE ON audit.log FROM crm_owner; REVOKE UPDATE (note) ON audit.log FROM crm_owner;
            REVOKE UPDATE ON SEQUENCE audit.ids FROM crm_owner; REVOKE USAGE ON TYPE audit.level FROM crm_owner;
            REVOKE USAGE ON DOMAIN audit.note FROM crm_owner; REVOKE CREATE ON SCHEMA audit FROM crm_owner;
            REVOKE EXECUTE ON FUNCTION audit.stamp(text, audit.level) FROM crm_owner;
            REVOKE USAGE ON LANGUAGE audit_pl FROM crm_owner; REVOKE USAGE ON FOREIGN SERVER audit_files FROM crm_owner;
            """
        let before = try TestDatabase.model(after: schema), after = try TestDatabase.model(after: schema + revoked)
        for (old, new) in [(before, after), (after, before)] {
            let plan = Planner(from: old, to: new).plan()
            #expect(!plan.sql.contains("CURRENT_USER"), "\(plan.sql)")
            // Applied by the server's superuser to a database whose objects crm_owner owns.
            let database = try TestDatabase.make()
            defer { database.drop() }
            let connection = try database.connect()
            try connection.execute(schema + (old == after ? revoked : ""))
            try connection.execute(plan.sql)
            let result = try Inspector().inspect(connection)
            #expect(SchemaDiff(from: result, to: new).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: result, to: new), colour: false))\n\(plan.sql)")
        }
    }
}
