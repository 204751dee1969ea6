import Foundation
import PostgresClient

/// `rollback`: runs a migration's rollback script in a transaction, checks that
/// the version is now inactive with `rolled_back_at` set, and on production moves
/// the pair from applied/ back to pending/ (after the commit).
public struct MigrationRollback: Sendable {
    public enum Target: Sendable, Hashable {
        case version(String)
        case last
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case nothingActive
        case unknownVersion(String)
        case archived(String)
        case notActive(String)
        case notNewest(version: String, newest: String)
        case notMarked(version: String, file: String)

        public var description: String {
            switch self {
            case .nothingActive: return "the database has no active migration to roll back"
            case let .unknownVersion(version): return "\(version): the directory has no such migration"
            case let .archived(version):
                return "\(version) is archived: it is history folded into consolidated_schema.sql and cannot be rolled back"
            case let .notActive(version): return "\(version) is not active in the database: there is nothing to roll back"
            case let .notNewest(version, newest):
                return "\(version) is not the newest active migration (\(newest) is): roll that back first, or pass --force "
                    + "to roll back \(version) alone, leaving the later ones in place"
            case let .notMarked(version, file):
                return "\(file): the rollback ran but did not mark \(version) rolled back in schema_versions "
                    + "(UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '\(version)'); nothing was kept"
            }
        }
    }

    public let directoryPath: String
    public let database: ConnectionString
    public let target: Target
    public var force = false
    public var move = false
    public var dryRun = false
    public var lockTimeout = 60.0
    public var report: (@Sendable (String) -> Void)?

    public init(directory: String, database: ConnectionString, target: Target) {
        directoryPath = directory
        self.database = database
        self.target = target
    }

    /// The version rolled back (dry run: that would be), and whether its pair was moved.
    public func run() throws -> (version: String, moved: Bool) {
        let lock = try AdvisoryLock(database, key: MigrationApplier.lockKey, timeout: lockTimeout, waiting: report)
        defer { lock.release() }
        let connection = try Connection(database)
        defer { connection.close() }
        let directory = try MigrationDirectory.load(directoryPath)
        try directory.validate()
        let active = (try SchemaVersions.read(connection) ?? []).filter(\.isActive).map(\.version)
        guard let newest = active.max(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) else { throw Failure.nothingActive }
        let version: String
        switch target {
        case .last: version = newest
        case let .version(wanted): version = wanted
        }
        guard let migration = directory.migration(version: version) else { throw Failure.unknownVersion(version) }
        if migration.folder == .archive { throw Failure.archived(version) }
        guard active.contains(version) else { throw Failure.notActive(version) }
        if version != newest {
            guard force else { throw Failure.notNewest(version: version, newest: newest) }
            report?("--force: rolling back \(version) while the later \(newest) stays applied")
        }
        if dryRun { return (version, false) }
        guard let rollback = migration.rollback else { throw Failure.unknownVersion(version) }
        let file = MigrationFile(path: rollback.path, text: try String(contentsOf: rollback, encoding: .utf8), expectedVersion: nil)
        // The check runs inside the rollback's transaction: a script that does not mark its version keeps nothing.
        let check = """
            DO $schemactl$ BEGIN
              IF NOT \(SchemaVersions.markedRolledBack(MigrationApplier.literal(version))) THEN
                RAISE EXCEPTION 'schemactl: not marked rolled back';
              END IF;
            END $schemactl$
            """
        do {
            try MigrationRunner().apply([file], to: connection, createSchemaVersions: false, postlude: check)
        } catch let MigrationRunError.statementFailed(_, _, error, _) where error.message == "schemactl: not marked rolled back" {
            throw Failure.notMarked(version: version, file: rollback.path)
        }
        var moved = false
        if move, migration.folder == .applied {
            try MigrationMoves.move(migration, from: .applied, to: .pending, in: directory)
            moved = true
        }
        return (version, moved)
    }
}
