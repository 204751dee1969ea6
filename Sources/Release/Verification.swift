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
/// linear in the number of migrations (two reads each). Where the files allow, the
/// rollback runs inside a savepoint that is then undone (`RollbackTrial`), instead
/// of the migration running a second time.
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
                var session = TrialSession()
                for position in first...last {
                    guard chosen.contains(position) else {
                        try runner.apply([files[position]], to: connection, createSchemaVersions: false)
                        before = nil
                        session = TrialSession()
                        continue
                    }
                    let migration = migrations[position]
                    let rollback = try migration.rollbackPath.map { _ in try directory.file(of: migration, rollback: true) }
                    let outcome = try check(migration, files[position], rollback: rollback, before: before, on: connection, runner: runner,
                                            fingerprints: fingerprints, session: &session)
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
                       on connection: Connection, runner: MigrationRunner, fingerprints: ObjectFingerprint,
                       session: inout TrialSession) throws
        -> (findings: [Finding], after: DatabaseModel?, stop: Bool) {
        guard let rollback else {
            session = TrialSession()
            try runner.apply([file], to: connection, createSchemaVersions: false)
            return ([], nil, false)
        }
        let touched = TouchedObjects([file.text, rollback.text])
        let marking = "SELECT \(SchemaVersions.markedRolledBack(MigrationApplier.literal(migration.version))) AS marked"
        var findings: [Finding] = []
        if touched.fingerprinted, let pair = RollbackTrial.Pair(file, rollback: rollback) {
            if let trial = try trial(pair, touched: touched, marking: marking, on: connection, session: &session) {
                findings = [left(migration, rollback, trial.difference)].compactMap { $0 } + (trial.marked ? [] : [notMarked(migration, rollback)])
                // Restored: the trial left the migration applied once. Otherwise the trial undid the rollback:
                // a faulty one is applied for real, then the migration again, so that a migration it leaves
                // unable to apply is named too (as the long way does).
                guard !trial.difference.isEmpty else { return (findings, nil, false) }
                session = TrialSession()
                try runner.apply([rollback], to: connection, createSchemaVersions: false)
                return try applyingAgain(migration, file, findings: findings, after: nil, runner: runner, on: connection)
            }
            // A statement failed inside the trial, which changed nothing: the long way reports it where it is.
        }
        session = TrialSession()
        var after: DatabaseModel? = nil
        if !touched.fingerprinted {
            let start = try before ?? Inspector().inspect(connection)
            try runner.apply([file], to: connection, createSchemaVersions: false)
            after = try Inspector().inspect(connection)
            try runner.apply([rollback], to: connection, createSchemaVersions: false)
            let diff = SchemaDiff(from: start, to: try Inspector().inspect(connection))
            if !diff.isEmpty {
                findings.append(Finding(file: rollback.path, message: leftMessage(migration), details: DiffRenderer.text(diff, colour: false)))
            }
        } else {
            let start = try touched.fingerprint(with: fingerprints)
            try runner.apply([file], to: connection, createSchemaVersions: false)
            try runner.apply([rollback], to: connection, createSchemaVersions: false)
            findings += [left(migration, rollback, Self.difference(start, try touched.fingerprint(with: fingerprints)))].compactMap { $0 }
        }
        if try connection.execute(marking).rows.first?.bool("marked") != true { findings.append(notMarked(migration, rollback)) }
        return try applyingAgain(migration, file, findings: findings, after: after, runner: runner, on: connection)
    }

    /// The trial of `pair` (see `RollbackTrial`): the fingerprint's difference around the rollback
    /// and whether it marked the version; nil when a statement failed inside it (nothing changed).
    private func trial(_ pair: RollbackTrial.Pair, touched: TouchedObjects, marking: String, on connection: Connection,
                       session: inout TrialSession) throws -> (difference: [String], marked: Bool)? {
        if !session.prepared {
            try ObjectFingerprint.prepare(on: connection)
            session.prepared = true
        }
        let lastID = try session.lastID ?? MigrationRunner.lastRecordedID(connection)
        let read = touched.fingerprintStatement
        guard let trial = try RollbackTrial.run(pair, on: connection, recordedSince: lastID, before: [read], after: [read, marking],
                                                readSettings: ObjectFingerprint.planSettings) else { return nil }
        session.lastID = trial.recordedID
        let difference = Self.difference(try ObjectFingerprint.definitions(trial.before[0]),
                                         try ObjectFingerprint.definitions(trial.after[0]))
        return (difference, try trial.after[1].rows.first?.bool("marked") == true)
    }

    /// What differs between two fingerprints, as the diff judges a view's query: a name the
    /// server prints only after a second parse is no difference.
    private static func difference(_ before: [String: String], _ after: [String: String]) -> [String] {
        ObjectFingerprint.difference(before, after, sameQuery: ExpressionForms.differOnlyInHiddenNames)
    }

    private func leftMessage(_ migration: Migration) -> String {
        "does not restore the schema from before \(migration.version) (what is left, before → after the rollback)"
    }

    /// The finding for what a rollback left, from the fingerprint's difference; nil when nothing.
    private func left(_ migration: Migration, _ rollback: MigrationFile, _ difference: [String]) -> Finding? {
        difference.isEmpty ? nil : Finding(file: rollback.path, message: leftMessage(migration), details: difference.joined(separator: "\n"))
    }

    /// The migration again, after its rollback, as apply does (the inactive row goes inside the
    /// file's transaction), and the outcome with the findings so far. When it fails, what the
    /// rollback left makes the migration fail the second time: that is a finding, and the schema
    /// from here on is not the history's, so the later migrations cannot be checked on it (`stop`).
    private func applyingAgain(_ migration: Migration, _ file: MigrationFile, findings: [Finding], after: DatabaseModel?,
                               runner: MigrationRunner, on connection: Connection) throws -> (findings: [Finding], after: DatabaseModel?, stop: Bool) {
        do {
            try runner.apply([file], to: connection, createSchemaVersions: false,
                             prelude: "DELETE FROM schema_versions WHERE version = \(MigrationApplier.literal(migration.version))")
            return (findings, after, false)
        } catch {
            return (findings + [Finding(file: file.path, message: "does not apply again after its rollback, so the migrations after it were not checked: \(error)",
                                        details: nil)], nil, true)
        }
    }

    private func notMarked(_ migration: Migration, _ rollback: MigrationFile) -> Finding {
        Finding(file: rollback.path, message: "does not mark \(migration.version) rolled back in schema_versions", details: nil)
    }

    /// What the checks carry on the session from one migration to the next: whether
    /// the fingerprint query is prepared on it (a file run the long way deallocates
    /// it), and the last id of `schema_versions` (nil: ask).
    private struct TrialSession {
        var prepared = false
        var lastID: Int?
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

extension TouchedObjects {
    /// Whether the fingerprint covers every object named: it reads no publication.
    var fingerprinted: Bool { !everything && publications.isEmpty }

    /// The fingerprint statement for these objects (for a multi-statement string on the session).
    var fingerprintStatement: String {
        ObjectFingerprint.execute(relations: relations, functions: functions, types: types, schemas: schemas)
    }

    /// These objects' definitions, read through `reader`'s own connection.
    func fingerprint(with reader: ObjectFingerprint) throws -> [String: String] {
        try reader.read(relations: relations, functions: functions, types: types, schemas: schemas)
    }
}
