import Foundation

/// Quoting for SQL we generate. Every identifier we emit goes through here.
public enum SQLQuoting {
    /// Always double-quotes, doubling embedded quotes: safe for any name,
    /// including upper case, spaces, unicode and reserved words.
    public static func identifier(_ name: String) -> String {
        // Most names hold no quote: skip Foundation's search, a fifth of a 1,000-table script's time.
        guard name.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + name + "\"" }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."name"`.
    public static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// A standard-conforming string literal (`'it''s'`).
    public static func literal(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "'")) else { return "'" + value + "'" }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Reads back a quoted token at the start of `text` (`'it''s'` with `'`, `"My ""T"""` with `"`):
    /// its value with the doubled quotes made single, and where the text goes on after it.
    /// nil when `text` does not start with `quote` or the token is not closed.
    public static func readQuoted(_ text: Substring, quote: Character) -> (value: String, rest: Substring)? {
        guard text.first == quote else { return nil }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if text[index] == quote {
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == quote {
                    value.append(quote)
                    index = text.index(after: next)
                    continue
                }
                return (value, text[next...])
            }
            value.append(text[index])
            index = text.index(after: index)
        }
        return nil
    }
}
