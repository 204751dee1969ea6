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

    /// Masks URL userinfo passwords, `password=` values and literals after a secret's name.
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
            // password=value, password = 'quoted value', ?password=value&, an ODBC string's PWD=value;
            (#"((?i:password|passwd|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&'"]+)"#, "$1***",
             { text in ["password", "passwd", "pwd"].contains { text.containsASCIILettersIgnoringCase($0) } }),
            // a literal after a word that names a secret, as SQL writes one: `PASSWORD 'x'` (CREATE
            // ROLE), an option `password 'x'` or `api_key 'x'` (OPTIONS (…)), as a migration's
            // failing line, or a server's CONTEXT, quotes it; inside another literal too (its
            // quotes doubled): a run of quotes ends it where a space, `,`, `;`, `)` or `"` follows.
            ("((?i:\(secretNames.joined(separator: "|")))[A-Za-z0-9_]*\\s+)" + #"'+(?:[^'\n]|'+(?=[^'\s,;)"]))*'+"#, "$1'***'",
             { hasSecretLiteral($0) }),
        ]
        return patterns.compactMap { pattern, template, marked in (try? NSRegularExpression(pattern: pattern)).map { ($0, template, marked) } }
    }()

    /// The words that name a secret, lower case: in a name that holds one (`password`,
    /// `aws_secret_access_key`), what follows is masked, and an option named with one is never
    /// read (`SecretOption`, in the inspection's query).
    public static let secretNames = ["password", "passwd", "pwd", "secret", "token", "credential", "apikey", "api_key",
                                     "privatekey", "private_key"]
    private static let secretWords = secretNames.map { Array($0.utf8) }

    /// Whether `text` has a secret's word followed, after any letters, digits or underscores
    /// and some white space, by a quote: the literal shape's marker, in one pass over the bytes.
    /// A word alone (a column `reset_token` in a 5 MB diff) is common, and the expression over
    /// such a text took 0.3 s; this pass, a few milliseconds.
    private static func hasSecretLiteral(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var start = 0
            while start < count {
                let first = bytes[start] | 0x20
                guard first == UInt8(ascii: "p") || first == UInt8(ascii: "s") || first == UInt8(ascii: "t")
                        || first == UInt8(ascii: "c") || first == UInt8(ascii: "a"),
                      let word = secretWords.first(where: { word in
                          word[0] == first && start + word.count <= count
                              && (1..<word.count).allSatisfy { bytes[start + $0] | 0x20 == word[$0] }
                      }) else {
                    start += 1
                    continue
                }
                var end = start + word.count
                while end < count, bytes[end] == UInt8(ascii: "_") || (bytes[end] | 0x20 >= UInt8(ascii: "a") && bytes[end] | 0x20 <= UInt8(ascii: "z"))
                        || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9")) { end += 1 }
                let spaces = end
                while end < count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") || bytes[end] == UInt8(ascii: "\n")
                        || bytes[end] == UInt8(ascii: "\r") { end += 1 }
                if end > spaces, end < count, bytes[end] == UInt8(ascii: "'") { return true }
                start += 1
            }
            return false
        }
    }

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
