import Foundation

/// Quoting for SQL we generate. Every identifier we emit goes through here.
public enum SQLQuoting {
    /// Always double-quotes, doubling embedded quotes: safe for any name,
    /// including upper case, spaces, unicode and reserved words.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."name"`.
    public static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// A standard-conforming string literal (`'it''s'`).
    public static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
