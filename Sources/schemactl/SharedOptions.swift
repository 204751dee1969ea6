import ArgumentParser
import Foundation

struct MigrationsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The migrations directory.", valueName: "DIR"))
    var migrations: String = "migrations"
}

struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A connection string (postgres://… or key=value). Default: $DATABASE_URL. An empty string uses libpq's PG* variables.",
        valueName: "URL"))
    var database: String?

    /// The database to consult, or nil when none was given.
    var resolved: String? {
        if let database { return database }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DATABASE_URL"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }
}
