import Foundation
import SQLText

/// Keeps passwords out of every message, whatever produced it: libpq quotes
/// the token it could not parse (`invalid percent-encoded token: "secret%zz"`),
/// and a malformed URL is echoed whole.
///
/// Two nets: the secrets a connection string is known to hold are replaced
/// wherever they appear, and anything shaped like a password (the userinfo of a
/// `postgres://` URL, a `password=` value) is replaced even when no one knew it
/// was one.
public enum Redaction {
    public static let mask = "***"

    /// The passwords `raw` holds, as written and percent-decoded; found by
    /// shape, so a string libpq cannot parse gives its secrets up too.
    public static func secrets(in raw: String) -> [String] {
        var found: [String] = []
        if let scheme = raw.range(of: "://") {
            let rest = raw[scheme.upperBound...]
            // The userinfo ends at the last `@` before the path (a password may hold `/` or `?` unencoded).
            if let at = rest.lastIndex(of: "@") {
                let userinfo = rest[rest.startIndex..<at]
                if let colon = userinfo.firstIndex(of: ":") {
                    let secret = userinfo[userinfo.index(after: colon)...]
                    found.append(String(secret))
                    // libpq splits at the first `@`, we at the last: what follows any `@` or `:`
                    // inside it may be quoted alone, as a host or a port.
                    for index in secret.indices where secret[index] == "@" || secret[index] == ":" {
                        found.append(String(secret[secret.index(after: index)...]))
                    }
                }
            }
        }
        found += passwordValues(in: raw)
        let decoded = found.compactMap { $0.removingPercentEncoding }
        return Array(Set((found + decoded).filter { $0.count >= 2 })).sorted { $0.count > $1.count }
    }

    /// `text` with `secrets` and anything shaped like a password masked.
    public static func scrub(_ text: String, secrets: [String] = []) -> String {
        var result = text
        // An ASCII secret absent byte for byte is absent: Foundation's search (which also matches
        // other forms of the same characters) runs only for the others.
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 2
            && (!secret.utf8.allSatisfy { $0 < 0x80 } || result.containsBytes(secret)) {
            result = result.replacingOccurrences(of: secret, with: mask)
        }
        return scrubShapes(result)
    }

    /// Masks URL userinfo passwords and `password=` values.
    public static func scrubShapes(_ text: String) -> String {
        var result = text
        // Each shape needs its marker: a text with neither is not read by the regular expressions
        // (a diff of two 5,000-table schemas printed 208k lines, and its scrub took 0.7 s).
        for (pattern, template, marked) in shapes where marked(result) {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }

    private static let shapes: [(NSRegularExpression, String, @Sendable (String) -> Bool)] = {
        let patterns: [(String, String, @Sendable (String) -> Bool)] = [
            // scheme://user:password@  (the password runs to the last @ before whitespace or a quote)
            (#"([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s"']*:)[^\s"']*@"#, "$1***@", { $0.containsBytes("://") }),
            // password=value, password = 'quoted value', ?password=value&
            (#"((?i:password)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&'"]+)"#, "$1***", { $0.containsASCIILettersIgnoringCase("password") }),
        ]
        return patterns.compactMap { pattern, template, marked in (try? NSRegularExpression(pattern: pattern)).map { ($0, template, marked) } }
    }()

    private static let keyValue = try? NSRegularExpression(pattern: #"(?i:password)\s*=\s*('((?:[^'\\]|\\.)*)'?|[^\s&'"]+)"#)

    /// The values of `password=` (quoted or not), found by shape.
    private static func passwordValues(in raw: String) -> [String] {
        guard let pattern = keyValue else { return [] }
        let range = NSRange(raw.startIndex..., in: raw)
        return pattern.matches(in: raw, range: range).compactMap { match in
            let group = match.range(at: 2).location != NSNotFound ? 2 : 1
            return Range(match.range(at: group), in: raw).map { String(raw[$0]) }
        }
    }
}
