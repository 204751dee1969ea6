import Foundation
import PostgresClient
import TOMLKit

/// Named environments, from `schemactl.toml`:
///
///     [environments.production]
///     url_env = "PRODUCTION_DATABASE_URL"   # the name of a variable holding the connection string
///
///     [environments.staging]
///     url = "postgres://crm@staging.internal/crm"
///
///     [replay]
///     roles = ["app_user", "reporting"]   # created (NOLOGIN) for each replay on the embedded server
///
///     [lint.ignore]
///     20230110_create_users = ["jsonb-without-comment"]   # rules `lint` does not apply to that migration
///
/// The file is TOML, read by TOMLKit (toml++). Only `[environments.NAME]`
/// tables with `url` or `url_env` string keys (and `production = true` on the
/// one whose applies move files), `[replay]` with `roles`, and `[lint.ignore]`,
/// mean anything; anything else is
/// an error naming the line and column, so a typo never silently points at the
/// wrong database.
public struct EnvironmentsFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let url: String?
        public let urlVariable: String?
        /// `production = true`: the environment whose applies move files from pending/ to applied/.
        public var production = false
    }

    public let path: String
    public let entries: [Entry]
    /// Roles a history grants to or sets as owners without creating them
    /// (`[replay] roles`): made before each replay on the embedded server.
    public var replayRoles: [String] = []
    /// `[lint.ignore]`: migration version → ids of lint rules not applied to it (findings
    /// in files that are already applied everywhere, and cannot change, with a reason kept elsewhere).
    public var lintIgnores: [String: Set<String>] = [:]

    public static func load(_ path: String) throws -> EnvironmentsFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EnvironmentsFileError(path: path, line: 0, column: 0, message: "cannot read the file")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> EnvironmentsFile {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++'s words and position; the value itself is never echoed (it may hold a password).
            throw EnvironmentsFileError(path: path, line: error.source.begin.line, column: error.source.begin.column,
                                        message: "not valid TOML: " + error.description)
        }
        let locator = KeyLocator(text: text)
        for key in document.keys where key != "environments" && key != "replay" && key != "lint" {
            let (line, column) = locator.table(key) ?? locator.key(key, inTable: nil) ?? (0, 0)
            throw EnvironmentsFileError(path: path, line: line, column: column,
                                        message: "expected [environments.NAME], [replay] or [lint.ignore], found [\(key)]")
        }
        let replayRoles = try Self.replayRoles(document, locator: locator, path: path)
        let lintIgnores = try Self.lintIgnores(document, locator: locator, path: path)
        guard let environments = document["environments"] else {
            return EnvironmentsFile(path: path, entries: [], replayRoles: replayRoles, lintIgnores: lintIgnores)
        }
        guard let table = environments.table else {
            let (line, column) = locator.key("environments", inTable: nil) ?? (0, 0)
            throw EnvironmentsFileError(path: path, line: line, column: column, message: "environments must be a table of [environments.NAME]")
        }
        var entries: [(position: (Int, Int), entry: Entry)] = []
        for name in table.keys {
            let header = locator.table("environments." + name)
            guard let settings = table[name]?.table else {
                let (line, column) = header ?? (0, 0)
                throw EnvironmentsFileError(path: path, line: line, column: column, message: "environment \(name) must be a table with url or url_env")
            }
            var url: String?
            var variable: String?
            var production = false
            for key in settings.keys {
                let (line, column) = locator.key(key, inTable: "environments." + name) ?? header ?? (0, 0)
                if key == "production" {
                    guard let value = settings[key]?.bool else {
                        throw EnvironmentsFileError(path: path, line: line, column: column, message: "production must be true or false")
                    }
                    production = value
                    continue
                }
                guard key == "url" || key == "url_env" else {
                    throw EnvironmentsFileError(path: path, line: line, column: column, message: "unknown key \(key) (expected url, url_env or production)")
                }
                guard let value = settings[key]?.string else {
                    throw EnvironmentsFileError(path: path, line: line, column: column, message: "the value of \(key) must be a \"quoted string\"")
                }
                if key == "url" { url = value } else { variable = value }
            }
            var entry = Entry(name: name, url: url, urlVariable: variable)
            entry.production = production
            entries.append((header ?? (Int.max, 0), entry))
        }
        // In the file's order, as the user wrote them (a TOML table's keys come sorted).
        let ordered = entries.sorted { $0.position != $1.position ? $0.position < $1.position : $0.entry.name < $1.entry.name }
        return EnvironmentsFile(path: path, entries: ordered.map(\.entry), replayRoles: replayRoles, lintIgnores: lintIgnores)
    }

    /// `[replay] roles = ["a", "b"]`: names, each a non-empty string.
    private static func replayRoles(_ document: TOMLTable, locator: KeyLocator, path: String) throws -> [String] {
        guard let replay = document["replay"] else { return [] }
        guard let table = replay.table else {
            let (line, column) = locator.key("replay", inTable: nil) ?? (0, 0)
            throw EnvironmentsFileError(path: path, line: line, column: column, message: "replay must be a table: [replay]")
        }
        var roles: [String] = []
        for key in table.keys {
            let (line, column) = locator.key(key, inTable: "replay") ?? locator.table("replay") ?? (0, 0)
            guard key == "roles" else {
                throw EnvironmentsFileError(path: path, line: line, column: column, message: "unknown key \(key) in [replay] (expected roles)")
            }
            guard let array = table[key]?.array,
                  let names = Optional(array.compactMap(\.string)), names.count == array.count, !names.contains("") else {
                throw EnvironmentsFileError(path: path, line: line, column: column,
                                            message: "roles must be a list of role names: roles = [\"app_user\"]")
            }
            roles = names
        }
        return roles
    }

    /// `[lint.ignore]`: `VERSION = ["rule", …]`, each a non-empty list of strings.
    private static func lintIgnores(_ document: TOMLTable, locator: KeyLocator, path: String) throws -> [String: Set<String>] {
        guard let lint = document["lint"] else { return [:] }
        let (line, column) = locator.table("lint") ?? locator.key("lint", inTable: nil) ?? (0, 0)
        guard let table = lint.table, table.keys.allSatisfy({ $0 == "ignore" }) else {
            throw EnvironmentsFileError(path: path, line: line, column: column, message: "[lint] holds only ignore: [lint.ignore]")
        }
        guard let ignore = table["ignore"] else { return [:] }
        guard let versions = ignore.table else {
            throw EnvironmentsFileError(path: path, line: line, column: column, message: "lint.ignore must be a table: [lint.ignore]")
        }
        var ignores: [String: Set<String>] = [:]
        for version in versions.keys {
            guard let array = versions[version]?.array, let rules = Optional(array.compactMap(\.string)), rules.count == array.count,
                  !rules.isEmpty, !rules.contains("") else {
                let (line, column) = locator.key(version, inTable: "lint.ignore") ?? locator.table("lint.ignore") ?? (0, 0)
                throw EnvironmentsFileError(path: path, line: line, column: column,
                                            message: "\(version) must be a list of lint rule ids: \(version) = [\"index-not-concurrently\"]")
            }
            ignores[version] = Set(rules)
        }
        return ignores
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

/// Where a table header or a key is written, for messages: TOMLKit gives
/// positions for syntax errors only.
private struct KeyLocator {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `[name]`: line, and column of the name.
    func table(_ name: String) -> (Int, Int)? {
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("[") else { continue }
            let inner = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
            if inner == name { return (index + 1, line.count - trimmed.count + 2) }
        }
        return nil
    }

    /// `key = …` inside `[table]` (nil: before any table): line, and column of the key.
    func key(_ key: String, inTable table: String?) -> (Int, Int)? {
        var current: String?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                current = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == table, let equals = trimmed.firstIndex(of: "=") else { continue }
            if trimmed[..<equals].trimmingCharacters(in: .whitespaces) == key { return (index + 1, line.count - trimmed.count + 1) }
        }
        return nil
    }
}
