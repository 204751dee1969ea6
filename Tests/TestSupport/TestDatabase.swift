import Foundation
import PostgresClient

/// Each test gets its own database on the process's embedded server, dropped when released.
public enum TestDatabase {
    public static func make() throws -> ScratchDatabase {
        try ScratchDatabase(on: EmbeddedPostgres.shared().connectionString(), prefix: "schemactl_test")
    }
}
