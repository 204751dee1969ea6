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
/// Only for files of the plain shape (`shapeAllows`); anything else, and any
/// statement that fails, is left to the long way (`MigrationRunner.apply`, which
/// reports a failure at its line): a trial that fails has changed nothing.
public struct RollbackTrial: Sendable {
    /// The results of the reads before the migration, and after the rollback, in the order given.
    public let before: [QueryResult]
    public let after: [QueryResult]
    /// The id of the row the migration recorded in `schema_versions`.
    public let recordedID: Int

    static let savepoint = "schemactl_rollback_trial"

    /// The statements of each file between its own `BEGIN` and `COMMIT` (or all of
    /// them, in a file that has neither), when the file can run inside the trial's
    /// transaction: not `-- schemactl:no-transaction`, no other transaction control,
    /// and no statement that would touch the session's prepared statements or plans
    /// (the reads are prepared on the session).
    static func body(of file: MigrationFile) -> String? {
        guard !file.runsOutsideTransaction, let statements = try? SQLLexer(file.text).statements(), !statements.isEmpty else { return nil }
        // COPY … FROM STDIN waits for data no file carries here.
        if statements.contains(where: { ["PREPARE", "DEALLOCATE", "DISCARD", "EXECUTE", "COPY"].contains($0.leadingWords.first ?? "") }) { return nil }
        let control = statements.filter(\.controlsTransaction)
        let bytes = Array(file.text.utf8)
        if control.isEmpty { return file.text + "\n;\n" }
        guard control.count == 2, let first = statements.first, let last = statements.last,
              first.isBegin, last.isCommit, control == [first, last] else { return nil }
        // From just after BEGIN (its `;`) to just before COMMIT.
        return String(decoding: bytes[first.byteRange.upperBound..<last.byteRange.lowerBound], as: UTF8.self) + "\n;\n"
    }

    /// Whether `migration` and `rollback` can be tried this way.
    public static func shapeAllows(_ migration: MigrationFile, _ rollback: MigrationFile) -> Bool {
        migration.expectedVersion != nil && body(of: migration) != nil && body(of: rollback) != nil
    }

    /// Runs the trial on `connection`, outside any transaction, whose last recorded
    /// `schema_versions` id is `lastID`; `readSettings` (name → value, trusted text) hold
    /// while the reads run. nil when the shape does not allow it or a
    /// statement failed (the transaction was rolled back: nothing changed). Throws
    /// `versionNotRecorded` when the migration recorded anything but its version,
    /// after its work has committed (as `MigrationRunner.apply` does).
    public static func run(_ migration: MigrationFile, rollback: MigrationFile, on connection: Connection, recordedSince lastID: Int,
                           before: [String], after: [String], readSettings: [String: String] = [:]) throws -> RollbackTrial? {
        guard let expected = migration.expectedVersion, let forward = body(of: migration), let backward = body(of: rollback) else {
            return nil
        }
        // The reads' settings (how they are planned, say) hold for them only: undone after the reads
        // before (the migration runs with the session's settings) and by the savepoint after.
        let planning = readSettings.sorted { $0.key < $1.key }.map { "SET LOCAL \($0.key) = \($0.value)" }
        let head = ["BEGIN"] + planning + before + readSettings.keys.sorted().map { "RESET \($0)" }
        let reads = planning + after
        let tail = ["ROLLBACK TO SAVEPOINT \(savepoint)", "SELECT id, version FROM schema_versions WHERE id > \(lastID) ORDER BY id", "COMMIT"]
        let text = head.joined(separator: ";\n") + ";\n" + forward + "SAVEPOINT \(savepoint);\n" + backward
            + (reads + tail).joined(separator: ";\n") + ";\n" + MigrationRunner.sessionResetKeepingPlans
        let results: [QueryResult]
        do {
            results = try connection.executeAll(text)
        } catch PostgresError.server {
            _ = try? connection.execute("ROLLBACK")
            return nil
        }
        // Every statement gave one result: the reset's statements are last, the tail's before them.
        let end = results.count - MigrationRunner.sessionResetKeepingPlansCount - tail.count
        guard end - after.count >= head.count else {
            throw MigrationRunError.unreadable(file: migration.path, reason: "the server answered the rollback trial with \(results.count) results")
        }
        let recordedRows = results[end + 1].rows
        let recorded = try recordedRows.map { try $0.string("version") }
        guard recorded == [expected] else {
            throw MigrationRunError.versionNotRecorded(file: migration.path, expected: expected, recorded: recorded)
        }
        let first = 1 + planning.count
        return RollbackTrial(before: Array(results[first..<(first + before.count)]), after: Array(results[(end - after.count)..<end]),
                             recordedID: try recordedRows[0].int("id"))
    }
}
