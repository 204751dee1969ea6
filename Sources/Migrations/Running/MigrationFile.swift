import Foundation

/// One file to replay: its name for messages, its text, and the version it must record
/// (nil for a plain `.sql` file, which records nothing).
public struct MigrationFile: Sendable, Hashable {
    public let path: String
    public let text: String
    public let expectedVersion: String?

    public init(path: String, text: String, expectedVersion: String?) {
        self.path = path
        self.text = text
        self.expectedVersion = expectedVersion
    }

    public static func read(_ path: String, expectedVersion: String?) throws -> MigrationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MigrationRunError.unreadable(file: path, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MigrationRunError.unreadable(file: path, reason: "the file is not valid UTF-8")
        }
        return MigrationFile(path: path, text: text, expectedVersion: expectedVersion)
    }

    /// `-- schemactl:no-transaction` on the first line: statements run one by one,
    /// outside any transaction (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE on old servers).
    public var runsOutsideTransaction: Bool {
        let firstLine = text.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        return firstLine == "-- schemactl:no-transaction"
    }
}
