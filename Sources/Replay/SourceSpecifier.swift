import Foundation
import PostgresClient

/// What a SOURCE argument names, decided from its text and the file system:
/// a connection string, a migrations directory (optionally `DIR@VERSION`),
/// a `.sql` file, or a snapshot `.json`.
public enum SourceSpecifier: Hashable, Sendable {
    case database(ConnectionString)
    case migrations(directory: String, upTo: String?)
    case sqlFile(String)
    case snapshot(String)

    public static func parse(_ text: String) throws -> SourceSpecifier {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .database(ConnectionString(text))
        }
        if text.hasSuffix(".json") { return .snapshot(text) }
        if text.hasSuffix(".sql") { return .sqlFile(text) }
        var directory = text
        var version: String?
        if !FileManager.default.fileExists(atPath: text), let at = text.lastIndex(of: "@") {
            directory = String(text[..<at])
            version = String(text[text.index(after: at)...])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
            return .migrations(directory: directory, upTo: version)
        }
        if ConnectionString.looksLikeConnectionString(text) { return .database(ConnectionString(text)) }
        // Not a connection string: meant as a path.
        throw SourceUnavailable(source: text, reason: "no such file or directory")
    }
}
