import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Replay
import SchemaModel

/// Each test gets its own database on the process's embedded server, dropped when released.
public enum TestDatabase {
    public static func make() throws -> ScratchDatabase {
        try ScratchDatabase(on: EmbeddedPostgres.shared().connectionString(), prefix: "schemactl_test")
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
