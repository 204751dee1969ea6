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
    ///
    /// `versions` nil: every migration, then the consolidated file. Otherwise only
    /// those migrations (`verify --changed`, or files named), starting from the
    /// replay of everything before the first of them (see `MigrationReplay.withReplayed`);
    /// the migrations between them are applied, not checked; the consolidated file
    /// is checked when `consolidated` says so.
    public func run(directory path: String, versions: Set<String>? = nil, consolidated: Bool? = nil) throws
        -> (findings: [Finding], checked: Int) {
        let directory = try MigrationDirectory.load(path)
        try directory.validate()
        var findings: [Finding] = []
        let migrations = directory.migrations
        let chosen = migrations.indices.filter { versions?.contains(migrations[$0].version) ?? true }
        var checked = chosen.count
        if let first = chosen.first, let last = chosen.last {
            let files = try MigrationReplay.files(of: directory, selection: MigrationSelection(includePending: true))
            try replay.withReplayed(Array(files[..<first]), directory: path) { connection, runner in
                try connection.execute(SchemaVersions.createStatement)
                var before: DatabaseModel? = nil
                for position in first...last {
                    guard chosen.contains(position) else {
                        try runner.apply([files[position]], to: connection, createSchemaVersions: false)
                        before = nil
                        continue
                    }
                    let migration = migrations[position]
                    let rollback = migration.rollback.map { _ in directory.path(of: migration.name.rollbackFileName, in: migration.folder) }
                    let outcome = try check(migration, files[position], rollback: rollback, from: before ?? Inspector().inspect(connection),
                                            on: connection, runner: runner)
                    findings += outcome.findings
                    guard let after = outcome.after else {
                        checked = chosen.firstIndex(of: position)! + 1
                        return
                    }
                    before = after
                }
            }
        }
        if consolidated ?? (versions == nil) { findings += try consolidatedFindings(directory) }
        return (findings, checked)
    }

    /// Applies one migration, its rollback, and the migration again, on `connection`
    /// whose schema is `before`. `after` nil: the migration did not apply again, and
    /// the schema is no longer the history's, so nothing after it can be checked.
    /// Paths as the user named the directory (`file.path`, `rollbackPath`), so messages point where they look.
    private func check(_ migration: Migration, _ file: MigrationFile, rollback rollbackPath: String?, from before: DatabaseModel,
                       on connection: Connection, runner: MigrationRunner) throws -> (findings: [Finding], after: DatabaseModel?) {
        try runner.apply([file], to: connection, createSchemaVersions: false)
        let after = try Inspector().inspect(connection)
        guard let rollbackPath else { return ([], after) }
        var findings: [Finding] = []
        try runner.apply([try MigrationFile.read(rollbackPath, expectedVersion: nil)], to: connection, createSchemaVersions: false)
        let restored = try Inspector().inspect(connection)
        let diff = SchemaDiff(from: before, to: restored)
        if !diff.isEmpty {
            findings.append(Finding(file: rollbackPath,
                                    message: "does not restore the schema from before \(migration.version) (what is left, before → after the rollback)",
                                    details: DiffRenderer.text(diff, colour: false)))
        }
        let marked = try connection.query("SELECT 1 FROM schema_versions WHERE version = $1 AND NOT coalesce(is_active, true) "
                                          + "AND rolled_back_at IS NOT NULL", [migration.version]).rows.isEmpty == false
        if !marked {
            findings.append(Finding(file: rollbackPath, message: "does not mark \(migration.version) rolled back in schema_versions",
                                    details: nil))
        }
        // Again, as apply does after a rollback: the inactive row goes inside the file's transaction.
        do {
            try runner.apply([file], to: connection, createSchemaVersions: false,
                             prelude: "DELETE FROM schema_versions WHERE version = \(MigrationApplier.literal(migration.version))")
        } catch {
            // What the rollback left makes the migration fail the second time: the schema from here on is
            // not the history's, so the later migrations cannot be checked on it.
            findings.append(Finding(file: file.path,
                                    message: "does not apply again after its rollback, so the migrations after it were not checked: \(error)",
                                    details: nil))
            return (findings, nil)
        }
        return (findings, after)
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
