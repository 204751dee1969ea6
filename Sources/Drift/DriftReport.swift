import Diff
import Migrations

/// What one environment looks like beside what its own history says it should be.
public struct DriftReport: Sendable {
    public let environment: String
    /// The schema differences between the replay of its active migrations and itself.
    public let diff: SchemaDiff
    /// Versions active in the database that the directory does not have.
    public let unknownVersions: [String]
    /// Migrations in archive/ or applied/ that the environment never ran.
    public let notApplied: [String]
    /// Versions the environment rolled back.
    public let rolledBack: [String]
    /// True when the database has no schema_versions table at all.
    public let noSchemaVersions: Bool
    /// Migrations whose file no longer has the bytes that were applied (where a checksum was recorded).
    public let changedFiles: [String]

    /// Drift proper: the schema is not what its history says.
    public var hasDrifted: Bool { !diff.isEmpty || !unknownVersions.isEmpty || !changedFiles.isEmpty }
}
