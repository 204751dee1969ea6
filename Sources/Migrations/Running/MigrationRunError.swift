import PostgresClient
import SQLText

/// Why a migration file could not be applied as its author wrote it. Printed,
/// each reads like a compiler's message:
/// `migrations/applied/20230601_add_x.sql:14:5: error 42P01: relation "contacts" does not exist`.
/// Shared by replay (scratch databases) and apply (real ones).
public enum MigrationRunError: Error, Sendable, CustomStringConvertible {
    /// A statement of `file` failed on the server.
    case statementFailed(file: String, location: SourceLocation?, error: ServerError, line: String?)
    /// The file did not record its own version in schema_versions, or recorded others.
    case versionNotRecorded(file: String, expected: String, recorded: [String])
    /// The file could not be read or cut into statements.
    case unreadable(file: String, reason: String)
    /// The file cannot be cut into statements (an unterminated quote) or holds a psql meta-command.
    case lexical(file: String, error: SQLLexerError)
    /// The file opened a transaction and never ended it: psql would end the
    /// session and the server would roll it all back, so nothing was applied.
    case transactionLeftOpen(file: String)
    /// The file ended in ROLLBACK: nothing it did was kept.
    case endsInRollback(file: String, expected: String?)

    public var description: String {
        switch self {
        case let .statementFailed(file, location, error, line):
            var text = "\(file):\(location.map { "\($0.line):\($0.column):" } ?? "") error \(error.sqlState): \(error.message)"
            if let detail = error.detail { text += "\nDETAIL: \(detail)" }
            if let hint = error.hint { text += "\nHINT: \(hint)" }
            if let context = error.context { text += "\nCONTEXT: \(context)" }
            if let line, let location {
                // Printed with any password masked (the terminal masks every message too), the
                // caret after what precedes it masked alike.
                let before = String(line.prefix(max(0, location.column - 1)))
                text += "\n  \(Redaction.scrubShapes(line))\n  " + String(repeating: " ", count: Redaction.scrubShapes(before).count) + "^"
            }
            return text
        case let .versionNotRecorded(file, expected, recorded):
            let what = recorded.isEmpty ? "recorded no version" : "recorded \(recorded.map { "'\($0)'" }.joined(separator: ", "))"
            return "\(file): error: the migration \(what) in schema_versions; it must record exactly its own version '\(expected)' "
                + "(INSERT INTO schema_versions (version, description) VALUES ('\(expected)', '…'))"
        case let .unreadable(file, reason):
            return "\(file): error: \(reason)"
        case let .lexical(file, error):
            return "\(file):\(error)".replacingOccurrences(of: "\(file):\(error.location): ", with: "\(file):\(error.location): error: ")
        case let .transactionLeftOpen(file):
            return "\(file): error: the file opens a transaction that it never commits (BEGIN without COMMIT); "
                + "psql would end the session and the server would roll everything back, so nothing of it is applied. "
                + "End it with COMMIT;"
        case let .endsInRollback(file, expected):
            return "\(file): error: the file ends in ROLLBACK, so nothing it did was kept"
                + (expected.map { " (not even its record of version '\($0)' in schema_versions)" } ?? "")
                + "; a migration ends with COMMIT;"
        }
    }
}
