/// The directory set beside what a database's `schema_versions` says: each
/// migration's state, and every disagreement between the two.
public struct MigrationStatus: Sendable {
    public enum DatabaseState: String, Sendable {
        case active
        case rolledBack = "rolled back"
        case absent
    }

    public struct Line: Sendable {
        public let migration: Migration
        /// nil when no database was consulted.
        public let databaseState: DatabaseState?
    }

    public enum Disagreement: Hashable, Sendable, CustomStringConvertible {
        case noSchemaVersionsTable
        case notApplied(version: String, folder: MigrationFolder)
        case rolledBack(version: String, folder: MigrationFolder)
        case appliedButPending(version: String)
        case unknownVersion(version: String)

        public var description: String {
            switch self {
            case .noSchemaVersionsTable:
                return "the database has no schema_versions table: it was never migrated with this directory"
            case let .notApplied(version, folder):
                return "\(version): in \(folder.rawValue)/ but not in the database"
            case let .rolledBack(version, folder):
                return "\(version): in \(folder.rawValue)/ but rolled back in the database"
            case let .appliedButPending(version):
                return "\(version): active in the database but still in pending/ (move it to applied/)"
            case let .unknownVersion(version):
                return "\(version): active in the database, but the directory has no such migration"
            }
        }
    }

    public let lines: [Line]
    public let disagreements: [Disagreement]

    /// Compares `directory` with `entries` (nil: the table is missing; no database: pass `consulted: false`).
    public init(directory: MigrationDirectory, entries: [SchemaVersions.Entry]?, consulted: Bool) {
        guard consulted else {
            lines = directory.migrations.map { Line(migration: $0, databaseState: nil) }
            disagreements = []
            return
        }
        let byVersion = Dictionary((entries ?? []).map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [Line] = []
        var disagreements: [Disagreement] = []
        if entries == nil { disagreements.append(.noSchemaVersionsTable) }
        for migration in directory.migrations {
            let state: DatabaseState
            switch byVersion[migration.version] {
            case nil: state = .absent
            case let entry?: state = entry.isActive ? .active : .rolledBack
            }
            lines.append(Line(migration: migration, databaseState: state))
            switch (migration.folder, state) {
            case (.archive, .absent), (.applied, .absent):
                disagreements.append(.notApplied(version: migration.version, folder: migration.folder))
            case (.archive, .rolledBack), (.applied, .rolledBack):
                disagreements.append(.rolledBack(version: migration.version, folder: migration.folder))
            case (.pending, .active):
                disagreements.append(.appliedButPending(version: migration.version))
            default:
                break
            }
        }
        let known = Set(directory.migrations.map(\.version))
        for entry in entries ?? [] where entry.isActive && !known.contains(entry.version) {
            disagreements.append(.unknownVersion(version: entry.version))
        }
        self.lines = lines
        self.disagreements = disagreements
    }
}
