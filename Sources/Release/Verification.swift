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
        try run(MigrationDirectory.load(path), versions: versions, consolidated: consolidated)
    }

    /// The same, for a directory the caller has loaded (`verify FILES` reads it to name them).
    public func run(_ directory: MigrationDirectory, versions: Set<String>? = nil, consolidated: Bool? = nil) throws
        -> (findings: [Finding], checked: Int) {
        let path = directory.path
        try directory.validate()
        var findings: [Finding] = []
        let migrations = directory.migrations
        let chosen = migrations.indices.filter { versions?.contains(migrations[$0].version) ?? true }
        var checked = chosen.count
        if let first = chosen.first, let last = chosen.last {
            let files = try MigrationReplay.files(of: directory, selection: MigrationSelection(includePending: true))
            try replay.withReplayed(Array(files[..<first]), directory: path) { connection, runner in
                try connection.execute(SchemaVersions.createStatement)
                let fingerprints = try ObjectFingerprint(beside: connection)
                defer { fingerprints.close() }
                var before: DatabaseModel? = nil
                for position in first...last {
                    guard chosen.contains(position) else {
                        try runner.apply([files[position]], to: connection, createSchemaVersions: false)
                        before = nil
                        continue
                    }
                    let migration = migrations[position]
                    let rollback = try migration.rollback.map { _ in try directory.file(of: migration, rollback: true) }
                    let outcome = try check(migration, files[position], rollback: rollback, before: before, on: connection, runner: runner,
                                            fingerprints: fingerprints)
                    findings += outcome.findings
                    if outcome.stop {
                        checked = chosen.firstIndex(of: position)! + 1
                        return
                    }
                    before = outcome.after
                }
            }
        }
        if consolidated ?? (versions == nil) { findings += try consolidatedFindings(directory) }
        return (findings, checked)
    }

    /// Applies one migration, its rollback, and the migration again, on `connection`
    /// whose schema is `before` (nil: not read yet). `stop`: the migration did not
    /// apply again, and the schema is no longer the history's, so nothing after it
    /// can be checked. `after`: the schema after the migration, when it was read.
    ///
    /// When the statements of both files say which objects they touch
    /// (`TouchedObjects`), only those are compared, through `ObjectFingerprint`
    /// (two reads of a few catalog rows); otherwise the whole schema is inspected
    /// before and after the rollback and the two models diffed.
    private func check(_ migration: Migration, _ file: MigrationFile, rollback: MigrationFile?, before: DatabaseModel?,
                       on connection: Connection, runner: MigrationRunner, fingerprints: ObjectFingerprint) throws
        -> (findings: [Finding], after: DatabaseModel?, stop: Bool) {
        guard let rollback else {
            try runner.apply([file], to: connection, createSchemaVersions: false)
            return ([], nil, false)
        }
        let touched = TouchedObjects([file.text, rollback.text])
        var findings: [Finding] = []
        var after: DatabaseModel? = nil
        let left = "does not restore the schema from before \(migration.version) (what is left, before → after the rollback)"
        if touched.everything {
            let start = try before ?? Inspector().inspect(connection)
            try runner.apply([file], to: connection, createSchemaVersions: false)
            after = try Inspector().inspect(connection)
            try runner.apply([rollback], to: connection, createSchemaVersions: false)
            let diff = SchemaDiff(from: start, to: try Inspector().inspect(connection))
            if !diff.isEmpty { findings.append(Finding(file: rollback.path, message: left, details: DiffRenderer.text(diff, colour: false))) }
        } else {
            func fingerprint() throws -> [String: String] {
                try fingerprints.read(relations: touched.relations, functions: touched.functions, types: touched.types,
                                      schemas: touched.schemas)
            }
            let start = try fingerprint()
            try runner.apply([file], to: connection, createSchemaVersions: false)
            try runner.apply([rollback], to: connection, createSchemaVersions: false)
            let difference = ObjectFingerprint.difference(start, try fingerprint())
            if !difference.isEmpty { findings.append(Finding(file: rollback.path, message: left, details: difference.joined(separator: "\n"))) }
        }
        let marked = try connection.query("SELECT \(SchemaVersions.markedRolledBack("$1")) AS marked", [migration.version]).rows.first?.bool("marked") == true
        if !marked {
            findings.append(Finding(file: rollback.path, message: "does not mark \(migration.version) rolled back in schema_versions",
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
            return (findings, nil, true)
        }
        return (findings, after, false)
    }

    /// The consolidated file: it builds, twice, the replay of the migrations it says it holds.
    private func consolidatedFindings(_ directory: MigrationDirectory) throws -> [Finding] {
        let path = directory.path + "/consolidated_schema.sql"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let expected = try replay.model(of: directory, selection: MigrationSelection(includePending: false)).model
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
