import CLibPQ
import Foundation

/// What a user passes to reach a server: a `postgres://` / `postgresql://` URL,
/// a libpq `key=value` string, or nothing (libpq then reads PGHOST, PGPORT,
/// PGUSER, PGDATABASE, PGPASSWORD, `.pgpass` and PGSERVICE, as psql does).
///
/// libpq parses all three forms itself; this type exists so that anything we
/// print about a connection goes through `redacted`.
public struct ConnectionString: Sendable, Hashable, CustomStringConvertible {
    public var raw: String

    public init(_ raw: String) {
        self.raw = raw
    }

    /// libpq's environment defaults (an empty conninfo).
    public static let environment = ConnectionString("")

    /// Whether the text looks like something libpq would accept as a conninfo.
    public static func looksLikeConnectionString(_ text: String) -> Bool {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return true }
        return text.contains("=")
    }

    /// The same string with any password replaced by `***`, for messages.
    public var redacted: String {
        if raw.isEmpty { return "(libpq environment defaults)" }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            return Redaction.scrub(Self.redactURL(raw), secrets: Redaction.secrets(in: raw))
        }
        return Self.redactKeyValue(raw)
    }

    public var description: String { redacted }

    /// A copy with `dbname` replaced, used to reach another database on the same server.
    public func replacingDatabase(with database: String) -> ConnectionString {
        // libpq lets a later keyword override an earlier one, and lets a
        // `dbname` keyword carry a full URL; appending keeps every other option.
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            guard var components = URLComponents(string: raw) else {
                return ConnectionString(raw)
            }
            components.percentEncodedPath = "/" + (database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? database)
            return ConnectionString(components.string ?? raw)
        }
        return ConnectionString((raw.isEmpty ? "" : raw + " ") + "dbname=" + Self.quoteValue(database))
    }

    /// A copy that logs in as `user` (libpq lets a later keyword override an earlier one).
    public func replacingUser(with user: String) -> ConnectionString {
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            guard var components = URLComponents(string: raw) else { return ConnectionString(raw) }
            components.user = user
            return ConnectionString(components.string ?? raw)
        }
        return ConnectionString((raw.isEmpty ? "" : raw + " ") + "user=" + Self.quoteValue(user))
    }

    /// Quotes a value for a libpq `key=value` string.
    public static func quoteValue(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }

    private static func redactURL(_ url: String) -> String {
        var text = url
        // userinfo: scheme://user:password@host
        if let schemeEnd = text.range(of: "://") {
            let rest = text[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[rest.startIndex..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[authority.startIndex..<at]
                if let colon = userinfo.firstIndex(of: ":") {
                    text.replaceSubrange(userinfo.index(after: colon)..<at, with: "***")
                }
            }
        }
        // query parameter password=…
        if let question = text.firstIndex(of: "?") {
            let query = text[text.index(after: question)...]
            let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
                let lower = part.lowercased()
                if lower.hasPrefix("password=") { return "password=***" }
                return String(part)
            }
            text = String(text[...question]) + parts.joined(separator: "&")
        }
        return text
    }

    private static func redactKeyValue(_ conninfo: String) -> String {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            // Unparseable: shown with anything shaped like a password masked.
            return Redaction.scrub(conninfo, secrets: Redaction.secrets(in: conninfo)) + " (unparseable)"
        }
        defer { PQconninfoFree(options) }
        var parts: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let key = String(cString: keyword)
                let shown = key == "password" ? "***" : String(cString: value)
                parts.append("\(key)=\(shown.contains(" ") || shown.isEmpty ? quoteValue(shown) : shown)")
            }
            option = option.advanced(by: 1)
        }
        return parts.joined(separator: " ")
    }
}
