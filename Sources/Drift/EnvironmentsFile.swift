import Foundation
import PostgresClient

/// Named environments, from `schemactl.toml`:
///
///     [environments.production]
///     url_env = "PRODUCTION_DATABASE_URL"   # the name of a variable holding the connection string
///
///     [environments.staging]
///     url = "postgres://crm@staging.internal/crm"
///
/// Only this subset of TOML is read: `[environments.NAME]` tables with `url` or
/// `url_env` string keys, and `#` comments. Anything else is an error naming
/// the line and column, so a typo never silently points at the wrong database.
public struct EnvironmentsFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let url: String?
        public let urlVariable: String?
    }

    public let path: String
    public let entries: [Entry]

    public static func load(_ path: String) throws -> EnvironmentsFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EnvironmentsFileError(path: path, line: 0, column: 0, message: "cannot read the file")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> EnvironmentsFile {
        var entries: [String: (url: String?, variable: String?)] = [:]
        var order: [String] = []
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count + 1
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw EnvironmentsFileError(path: path, line: lineNumber, column: indent, message: "a table header must end with ]")
                }
                let header = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard header.hasPrefix("environments."), header.count > "environments.".count else {
                    throw EnvironmentsFileError(path: path, line: lineNumber, column: indent + 1,
                                                message: "expected [environments.NAME], found [\(header)]")
                }
                let name = String(header.dropFirst("environments.".count))
                if entries[name] != nil {
                    throw EnvironmentsFileError(path: path, line: lineNumber, column: indent, message: "environment \(name) is defined twice")
                }
                entries[name] = (nil, nil)
                order.append(name)
                current = name
                continue
            }
            guard let name = current else {
                throw EnvironmentsFileError(path: path, line: lineNumber, column: indent, message: "a key outside any [environments.NAME] table")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw EnvironmentsFileError(path: path, line: lineNumber, column: indent, message: "expected key = \"value\"")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let valueColumn = indent + line.distance(from: line.startIndex, to: equals) + 2
            guard let value = Self.stringValue(valueText) else {
                throw EnvironmentsFileError(path: path, line: lineNumber, column: valueColumn, message: "the value of \(key) must be a \"quoted string\"")
            }
            switch key {
            case "url": entries[name]?.url = value
            case "url_env": entries[name]?.variable = value
            default:
                throw EnvironmentsFileError(path: path, line: lineNumber, column: indent, message: "unknown key \(key) (expected url or url_env)")
            }
        }
        return EnvironmentsFile(path: path, entries: order.map { Entry(name: $0, url: entries[$0]?.url, urlVariable: entries[$0]?.variable) })
    }

    /// The connection string of `name`, from the file or from the variable it names.
    public func connectionString(of name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConnectionString {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw EnvironmentsFileError(path: path, line: 0, column: 0, message: "no environment named \(name) (known: \(entries.map(\.name).joined(separator: ", ")))")
        }
        if let url = entry.url { return ConnectionString(url) }
        if let variable = entry.urlVariable {
            guard let value = environment[variable], !value.isEmpty else {
                throw EnvironmentsFileError(path: path, line: 0, column: 0, message: "environment \(name): the variable \(variable) is not set")
            }
            return ConnectionString(value)
        }
        throw EnvironmentsFileError(path: path, line: 0, column: 0, message: "environment \(name) has neither url nor url_env")
    }

    /// A TOML string on one line: basic ("…", with \" escapes), literal ('…'), or their
    /// triple-quoted forms. nil for anything else (the value is never echoed: it may hold a password).
    static func stringValue(_ text: String) -> String? {
        for quote in ["\"\"\"", "'''", "\"", "'"] where text.count >= 2 * quote.count && text.hasPrefix(quote) && text.hasSuffix(quote) {
            let inner = String(text.dropFirst(quote.count).dropLast(quote.count))
            return quote.hasPrefix("\"") ? inner.replacingOccurrences(of: "\\\"", with: "\"") : inner
        }
        return nil
    }

    private static func stripComment(_ line: String) -> String {
        var open: Character?
        for (offset, character) in line.enumerated() {
            if character == "\"" || character == "'" {
                if open == nil { open = character } else if open == character { open = nil }
            }
            if character == "#", open == nil { return String(line.prefix(offset)) }
        }
        return line
    }
}

public struct EnvironmentsFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String {
        line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)"
    }
}
