import SQLText

/// The guide's templates for a new migration and its rollback: an outer
/// transaction, the `schema_versions` insert (migration) or update (rollback),
/// and a place for the change.
public struct MigrationTemplate: Sendable {
    /// `YYYYMMDD_description`.
    public let version: String
    /// The human description, as the user typed it.
    public let title: String

    public init(version: String, title: String) {
        self.version = version
        self.title = title
    }

    public var migration: String {
        """
        -- Migration: \(oneLine(title))
        BEGIN;

        -- Record this migration
        INSERT INTO schema_versions (version, description)
        VALUES (\(SQLQuoting.literal(version)), \(SQLQuoting.literal(title)));

        -- Your schema changes here


        COMMIT;

        """
    }

    public var rollback: String {
        """
        -- Rollback: \(oneLine(title))
        BEGIN;

        -- Mark migration as rolled back
        UPDATE schema_versions
        SET is_active = FALSE, rolled_back_at = NOW()
        WHERE version = \(SQLQuoting.literal(version));

        -- Your rollback logic here: undo exactly what the migration does, in reverse order


        COMMIT;

        """
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
