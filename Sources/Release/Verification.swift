import Diff
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import SchemaModel

/// `verify`: every rollback restores the schema its migration started from, and
/// `consolidated_schema.sql` builds the schema of the migrations it says it holds.
///
/// One scratch database, one pass: for each migration in order, apply it, apply its
/// rollback, compare with the schema before, apply it again and go on; the run is
/// linear in the number of migrations (two inspections each).
public struct Verification: Sendable {
    public struct Finding: Sendable, Hashable {
        /// The file at fault.
        public let file: String
        public let message: String
        /// What differs, as the diff's text.
        public let details: String?
    }

    public var replay: MigrationReplay

    public init(replay: MigrationReplay) {
        self.replay = replay
    }

    /// The findings, and how many migrations were checked.
    public func run(directory path: String) throws -> (findings: [Finding], checked: Int) {
        let directory = try MigrationDirectory.load(path)
        try directory.validate()
        var findings: [Finding] = []
        let migrations = directory.migrations
        var checked = migrations.count
        try replay.withScratchDatabase { connection, runner in
            try connection.execute(SchemaVersions.createStatement)
            var before = try Inspector().inspect(connection)
            for (position, migration) in migrations.enumerated() {
                let text = try String(contentsOf: migration.file, encoding: .utf8)
                let file = MigrationFile(path: migration.file.path, text: text, expectedVersion: migration.version)
                try runner.apply([file], to: connection, createSchemaVersions: false)
                let after = try Inspector().inspect(connection)
                guard let rollbackURL = migration.rollback else { before = after; continue }
                let rollback = MigrationFile(path: rollbackURL.path, text: try String(contentsOf: rollbackURL, encoding: .utf8), expectedVersion: nil)
                try runner.apply([rollback], to: connection, createSchemaVersions: false)
                let restored = try Inspector().inspect(connection)
                let diff = SchemaDiff(from: before, to: restored)
                if !diff.isEmpty {
                    findings.append(Finding(file: rollbackURL.path,
                                            message: "does not restore the schema from before \(migration.version) (what is left, before → after the rollback)",
                                            details: DiffRenderer.text(diff, colour: false)))
                }
                let marked = try connection.query("SELECT 1 FROM schema_versions WHERE version = $1 AND NOT coalesce(is_active, true) "
                                                  + "AND rolled_back_at IS NOT NULL", [migration.version]).rows.isEmpty == false
                if !marked {
                    findings.append(Finding(file: rollbackURL.path, message: "does not mark \(migration.version) rolled back in schema_versions",
                                            details: nil))
                }
                // Again, as apply does after a rollback: the inactive row goes inside the file's transaction.
                do {
                    try runner.apply([file], to: connection, createSchemaVersions: false,
                                     prelude: "DELETE FROM schema_versions WHERE version = \(MigrationApplier.literal(migration.version))")
                } catch {
                    // What the rollback left makes the migration fail the second time: the schema from here on is
                    // not the history's, so the later migrations cannot be checked on it.
                    findings.append(Finding(file: migration.file.path,
                                            message: "does not apply again after its rollback, so the migrations after it were not checked: \(error)",
                                            details: nil))
                    checked = position + 1
                    return
                }
                before = after
            }
        }
        findings += try consolidatedFindings(directory)
        return (findings, checked)
    }

    /// The consolidated file: it builds, twice, the replay of the migrations it says it holds.
    private func consolidatedFindings(_ directory: MigrationDirectory) throws -> [Finding] {
        let path = directory.path + "/consolidated_schema.sql"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let expected = try replay.model(directory: directory.path, selection: MigrationSelection(includePending: false)).model
        do {
            let proof = try PlanCheck(replay: replay).proveScript(text, gives: expected)
            guard proof.holds else {
                return [Finding(file: path, message: "applied to an empty database (twice), it does not give the schema of archive/ and applied/ "
                                + "(what differs, the file's → the replay's)", details: DiffRenderer.text(proof.leftover, colour: false))]
            }
        } catch {
            return [Finding(file: path, message: "does not apply to an empty database (twice): \(error)", details: nil)]
        }
        return []
    }
}
