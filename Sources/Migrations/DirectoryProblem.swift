/// One thing wrong with a migrations directory, naming the file it concerns.
public struct DirectoryProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case badName(MigrationFileName.Problem)
        case versionInTwoFolders(other: String)
        case missingRollback(expected: String)
        case rollbackWithoutMigration(expected: String)
        case rollbackInOtherFolder(migration: String)
        case notUTF8
        case empty
        case strayFile
        case unreadable(String)
        /// Followed, a link would make the history depend on what lies outside the directory.
        case symbolicLink
    }

    /// The path of the file, as the directory was given (e.g. `migrations/pending/x.sql`).
    public let file: String
    public let kind: Kind

    public init(file: String, kind: Kind) {
        self.file = file
        self.kind = kind
    }

    public var message: String {
        switch kind {
        case let .badName(problem):
            return "bad migration name: \(problem)"
        case let .versionInTwoFolders(other):
            return "the same version is also in \(other); a migration lives in exactly one folder"
        case let .missingRollback(expected):
            return "migration without its rollback: expected \(expected) beside it"
        case let .rollbackWithoutMigration(expected):
            return "rollback without its migration: expected \(expected) beside it"
        case let .rollbackInOtherFolder(migration):
            return "rollback is not in the folder of its migration \(migration)"
        case .notUTF8:
            return "the file is not valid UTF-8"
        case .empty:
            return "the file is empty"
        case .strayFile:
            return "stray file: only YYYYMMDD_description.sql migrations and their rollbacks belong here"
        case let .unreadable(reason):
            return "cannot be read: \(reason)"
        case .symbolicLink:
            return "a symbolic link: schemactl does not follow links in a migrations directory (the history would change "
                + "with whatever it points to); put the file itself here"
        }
    }

    public var description: String { "\(file): \(message)" }
}

/// A directory that failed validation: every problem found, not just the first.
public struct MigrationDirectoryError: Error, Sendable, CustomStringConvertible {
    public let directory: String
    public let problems: [DirectoryProblem]

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "the migrations directory \(directory) has \(count):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// The directory itself is missing or is not a directory.
public struct MigrationDirectoryNotFound: Error, Sendable, CustomStringConvertible {
    public let directory: String
    public var description: String {
        "\(directory): no such migrations directory (expected archive/, applied/ and pending/ inside it)"
    }
}

/// A folder that has none of `archive/`, `applied/` and `pending/`: not an empty
/// history, but the wrong folder (the project root, say).
public struct NotAMigrationsDirectory: Error, Sendable, CustomStringConvertible {
    public let directory: String
    public let suggestion: String?
    public var description: String {
        "\(directory): not a migrations directory (it has none of archive/, applied/ and pending/)"
            + (suggestion.map { "; did you mean \($0)?" } ?? "")
    }
}
