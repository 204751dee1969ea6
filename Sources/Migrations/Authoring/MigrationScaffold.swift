import Foundation

/// Writes a new migration and its rollback into `pending/`, never overwriting anything.
public enum MigrationScaffold {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case emptyDescription(String)
        case looksLikeRollback(String)
        case versionExists(version: String, file: String)
        case writeFailed(file: String, reason: String)

        public var description: String {
            switch self {
            case let .emptyDescription(text):
                return "\"\(text)\" gives an empty description: use letters or digits"
            case let .looksLikeRollback(text):
                return "\"\(text)\" would name a rollback (descriptions may not start with \"rollback\")"
            case let .versionExists(version, file):
                return "\(file) already exists: the version \(version) is taken; choose another description"
            case let .writeFailed(file, reason):
                return "\(file): cannot write: \(reason)"
            }
        }
    }

    /// `Add email templates` → `add_email_templates`: ASCII letters and digits, lower case, joined by `_`.
    public static func snakeCase(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var result = ""
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingSeparator, !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                if pendingSeparator, !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.append(Character(scalar).lowercased())
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    /// The name pair for `description` on `date` (YYYYMMDD).
    public static func name(for description: String, date: String) throws -> MigrationFileName {
        let snake = snakeCase(description)
        guard !snake.isEmpty else { throw Failure.emptyDescription(description) }
        guard snake != "rollback", !snake.hasPrefix("rollback_") else { throw Failure.looksLikeRollback(description) }
        return MigrationFileName(date: date, description: snake, isRollback: false)
    }

    /// Creates `pending/<migration>` and `pending/<rollback>` with the given contents.
    /// Fails without writing anything if the version exists in any folder or either file exists.
    @discardableResult
    public static func write(name: MigrationFileName, migration: String, rollback: String,
                             in directory: MigrationDirectory) throws -> (migration: String, rollback: String) {
        for folder in MigrationFolder.allCases {
            for fileName in [name.migrationFileName, name.rollbackFileName] {
                let path = directory.path(of: fileName, in: folder)
                if FileManager.default.fileExists(atPath: path) {
                    throw Failure.versionExists(version: name.version, file: path)
                }
            }
        }
        let pending = directory.path + "/" + MigrationFolder.pending.rawValue
        try? FileManager.default.createDirectory(atPath: pending, withIntermediateDirectories: true)
        let migrationPath = directory.path(of: name.migrationFileName, in: .pending)
        let rollbackPath = directory.path(of: name.rollbackFileName, in: .pending)
        try createExclusively(migrationPath, contents: migration, version: name.version)
        do {
            try createExclusively(rollbackPath, contents: rollback, version: name.version)
        } catch {
            // We created the migration a moment ago; do not leave half a pair.
            unlink(migrationPath)
            throw error
        }
        return (migrationPath, rollbackPath)
    }

    /// O_CREAT | O_EXCL: the file system refuses if the file appeared meanwhile.
    private static func createExclusively(_ path: String, contents: String, version: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Failure.versionExists(version: version, file: path) }
            throw Failure.writeFailed(file: path, reason: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.close()
        } catch {
            unlink(path)
            throw Failure.writeFailed(file: path, reason: "\(error)")
        }
    }
}
