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

    /// The migration with `body` (generated SQL) as its change. `bare`: for a
    /// `-- schemactl:no-transaction` file, whose statements run one by one; its
    /// version is recorded by its last statement, so only once everything else ran.
    public func migration(body: String, bare: Bool) -> String {
        let record = "INSERT INTO schema_versions (version, description)\nVALUES (\(SQLQuoting.literal(version)), \(SQLQuoting.literal(title)));"
        guard bare else {
            return "-- Migration: \(oneLine(title))\nBEGIN;\n\n-- Record this migration\n\(record)\n\n\(body)\nCOMMIT;\n"
        }
        return "-- schemactl:no-transaction\n-- Migration: \(oneLine(title))\n-- Runs without a transaction (a statement below cannot run "
            + "inside one); the version is recorded last, once every statement has run.\n\n\(body)\n-- Record this migration\n\(record)\n"
    }

    /// The rollback with `body` as its change; `bare` as for `migration(body:bare:)`.
    public func rollback(body: String, bare: Bool) -> String {
        let mark = "UPDATE schema_versions\nSET is_active = FALSE, rolled_back_at = NOW()\nWHERE version = \(SQLQuoting.literal(version));"
        guard bare else {
            return "-- Rollback: \(oneLine(title))\nBEGIN;\n\n-- Mark migration as rolled back\n\(mark)\n\n\(body)\nCOMMIT;\n"
        }
        return "-- schemactl:no-transaction\n-- Rollback: \(oneLine(title))\n-- Runs without a transaction; the version is marked last.\n\n"
            + "\(body)\n-- Mark migration as rolled back\n\(mark)\n"
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
