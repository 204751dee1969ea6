import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Replay
import SQLText
import SchemaModel

/// Each test gets its own database on the process's embedded server, dropped when released.
public enum TestDatabase {
    public static func make() throws -> ScratchDatabase {
        try ScratchDatabase(on: EmbeddedPostgres.shared().connectionString(), prefix: "schemactl_test")
    }

    /// Makes the role `name` (NOLOGIN) on the test server unless it exists: roles
    /// are the cluster's, and tests running at once may ask for the same one
    /// (`IF NOT EXISTS` then `CREATE ROLE` races; the duplicate's error is caught).
    public static func ensureRole(_ name: String) throws {
        try Connection(EmbeddedPostgres.shared().connectionString()).execute("""
            DO $$ BEGIN CREATE ROLE \(SQLQuoting.identifier(name)) NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """)
    }

    /// The model of a new database after `sql`, read by the inspector; the database is dropped after.
    public static func model(after sql: String) throws -> DatabaseModel {
        let database = try make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(sql)
        return try Inspector().inspect(connection)
    }
}

extension MigrationReplay {
    /// A replay whose scratch databases go to the test process's embedded server,
    /// so that tests of replay semantics neither start a persistent server nor
    /// write `.schemactl/` beside their fixtures.
    public static func onTestServer(useCache: Bool = false) throws -> MigrationReplay {
        MigrationReplay(scratch: try EmbeddedPostgres.shared().connectionString().raw, useCache: useCache)
    }
}
