import PostgresClient
import SQLText

/// A migration applied and its rollback tried, in one transaction and one round trip:
///
///     BEGIN; reads before; the migration; SAVEPOINT; the rollback; reads after;
///     ROLLBACK TO SAVEPOINT; what the migration recorded; COMMIT
///
/// What `verify` asks of every migration, at the cost of running each file once:
/// the savepoint undoes the rollback, where applying the migration a second time
/// would run it again (a third of verify's time on a long history, and a round
/// trip per file and per read). The reads are taken in the same session, so they
/// see the uncommitted state between the files.
///
/// Only for files of the plain shape (`Pair`); anything else, and any
/// statement that fails, is left to the long way (`MigrationRunner.apply`, which
/// reports a failure at its line): a trial that fails has changed nothing.
public struct RollbackTrial: Sendable {
    /// The results of the reads before the migration, and after the rollback, in the order given.
    public let before: [QueryResult]
    public let after: [QueryResult]
    /// The id of the row the migration recorded in `schema_versions`.
    public let recordedID: Int

    static let savepoint = "schemactl_rollback_trial"

    /// A migration and its rollback that a trial can take, with the statements of each
    /// between its own `BEGIN` and `COMMIT` (all of them, in a file that has neither).
    public struct Pair: Sendable {
        let migration: MigrationFile
        let expected: String
        let forward: String
        let backward: String

        /// nil unless the migration records a version and both files can run inside the
        /// trial's transaction: not `-- schemactl:no-transaction`, no other transaction
        /// control, and no statement that would touch the session's prepared statements or
        /// plans (the reads are prepared on the session).
        public init?(_ migration: MigrationFile, rollback: MigrationFile) {
            guard let expected = migration.expectedVersion, let forward = Self.body(of: migration),
                  let backward = Self.body(of: rollback) else { return nil }
            (self.migration, self.expected, self.forward, self.backward) = (migration, expected, forward, backward)
        }

        private static func body(of file: MigrationFile) -> String? {
            guard !file.runsOutsideTransaction, let statements = try? SQLLexer(file.text).statements(), !statements.isEmpty else { return nil }
            // COPY … FROM STDIN waits for data no file carries here.
            if statements.contains(where: { ["PREPARE", "DEALLOCATE", "DISCARD", "EXECUTE", "COPY"].contains($0.leadingWords.first ?? "") }) { return nil }
            let control = statements.filter(\.controlsTransaction)
            if control.isEmpty { return file.text + "\n;\n" }
            guard control.count == 2, let first = statements.first, let last = statements.last,
                  first.isBegin, last.isCommit, control == [first, last] else { return nil }
            // From just after BEGIN (its `;`) to just before COMMIT.
            return String(decoding: Array(file.text.utf8)[first.byteRange.upperBound..<last.byteRange.lowerBound], as: UTF8.self) + "\n;\n"
        }
    }

    /// Whether `migration` and `rollback` can be tried this way.
    public static func shapeAllows(_ migration: MigrationFile, _ rollback: MigrationFile) -> Bool {
        Pair(migration, rollback: rollback) != nil
    }

    /// The trial of `migration` and `rollback`; nil also when their shape does not allow one.
    public static func run(_ migration: MigrationFile, rollback: MigrationFile, on connection: Connection, recordedSince lastID: Int,
                           before: [String], after: [String], readSettings: [String: String] = [:]) throws -> RollbackTrial? {
        guard let pair = Pair(migration, rollback: rollback) else { return nil }
        return try run(pair, on: connection, recordedSince: lastID, before: before, after: after, readSettings: readSettings)
    }

    /// Runs the trial on `connection`, outside any transaction, whose last recorded
    /// `schema_versions` id is `lastID`; `readSettings` (name → value, trusted text) hold
    /// while the reads run. nil when a statement failed (the transaction was rolled
    /// back: nothing changed). Throws `versionNotRecorded` when the migration recorded
    /// anything but its version, after its work has committed (as `MigrationRunner.apply` does).
    public static func run(_ pair: Pair, on connection: Connection, recordedSince lastID: Int,
                           before: [String], after: [String], readSettings: [String: String] = [:]) throws -> RollbackTrial? {
        // The reads' settings (how they are planned, say) hold for them only: undone after the reads
        // before (the migration runs with the session's settings) and by the savepoint after.
        let planning = readSettings.sorted { $0.key < $1.key }.map { "SET LOCAL \($0.key) = \($0.value)" }
        let head = ["BEGIN"] + planning + before + readSettings.keys.sorted().map { "RESET \($0)" }
        let reads = planning + after
        let tail = ["ROLLBACK TO SAVEPOINT \(savepoint)", "SELECT id, version FROM schema_versions WHERE id > \(lastID) ORDER BY id", "COMMIT"]
            + MigrationRunner.sessionResetKeepingPlans
        let text = head.joined(separator: ";\n") + ";\n" + pair.forward + "SAVEPOINT \(savepoint);\n" + pair.backward
            + (reads + tail).joined(separator: ";\n")
        let results: [QueryResult]
        do {
            results = try connection.executeAll(text)
        } catch PostgresError.server {
            _ = try? connection.execute("ROLLBACK")
            return nil
        }
        // Every statement gave one result: the tail's are last, the reads after just before them.
        let end = results.count - tail.count
        guard end - after.count >= head.count else {
            throw MigrationRunError.unreadable(file: pair.migration.path, reason: "the server answered the rollback trial with \(results.count) results")
        }
        let recordedRows = results[end + 1].rows
        let recorded = try recordedRows.map { try $0.string("version") }
        guard recorded == [pair.expected] else {
            throw MigrationRunError.versionNotRecorded(file: pair.migration.path, expected: pair.expected, recorded: recorded)
        }
        let first = 1 + planning.count
        return RollbackTrial(before: Array(results[first..<(first + before.count)]), after: Array(results[(end - after.count)..<end]),
                             recordedID: try recordedRows[0].int("id"))
    }
}
