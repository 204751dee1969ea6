import Foundation
import SQLText
import Support

/// A migrations directory as the team's guide lays it out:
/// `archive/`, `applied/`, `pending/`, `README.md`, `consolidated_schema.sql`.
///
/// Loading never stops at the first problem: every problem of every file is
/// collected, so one run tells the user everything to fix.
public struct MigrationDirectory: Sendable {
    /// The directory as the user gave it, used to name files in messages.
    public let path: String
    /// Every migration, in chronological order.
    public let migrations: [Migration]
    /// What is wrong with the directory; empty when it is valid.
    public let problems: [DirectoryProblem]
    /// The text of every valid file, by its path: read once for validation,
    /// kept so a replay does not read thousands of files a second time.
    public let texts: [String: String]

    /// Top-level entries that belong in a migrations directory besides the three folders.
    public static let expectedTopLevelFiles: Set<String> = ["README.md", "consolidated_schema.sql"]

    public static func load(_ path: String) throws -> MigrationDirectory {
        let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MigrationDirectoryNotFound(directory: root)
        }
        var problems: [DirectoryProblem] = []
        var files: [(name: MigrationFileName, folder: MigrationFolder, path: String)] = []
        var texts: [String: String] = [:]

        // A folder with none of the three is not an empty history but the wrong folder.
        guard MigrationFolder.allCases.contains(where: { isDirectoryAt(root + "/" + $0.rawValue) }) else {
            let inside = MigrationFolder.allCases.contains { isDirectoryAt(root + "/migrations/" + $0.rawValue) }
            throw NotAMigrationsDirectory(directory: root, suggestion: inside ? root + "/migrations" : nil)
        }

        let (topLevel, topLinks) = try sortedEntries(root)
        for entry in topLevel where !entry.hasPrefix(".") {
            let full = root + "/" + entry
            if topLinks.contains(entry) {
                problems.append(DirectoryProblem(file: full, kind: .symbolicLink))
                continue
            }
            if MigrationFolder(rawValue: entry) != nil, isDirectoryAt(full) { continue }
            if expectedTopLevelFiles.contains(entry), !isDirectoryAt(full) { continue }
            problems.append(DirectoryProblem(file: full, kind: .strayFile))
        }

        for folder in MigrationFolder.allCases {
            let folderPath = root + "/" + folder.rawValue
            guard isDirectoryAt(folderPath) else { continue }
            let (entries, links) = try sortedEntries(folderPath)
            for entry in entries where !entry.hasPrefix(".") {
                let full = folderPath + "/" + entry
                if links.contains(entry) {
                    problems.append(DirectoryProblem(file: full, kind: .symbolicLink))
                    continue
                }
                // Only a .sql entry can be a migration; whether it is a folder is
                // asked only of those that cannot be read (one stat less per file).
                if !entry.hasSuffix(".sql") {
                    problems.append(DirectoryProblem(file: full, kind: .strayFile))
                    continue
                }
                switch MigrationFileName.parse(entry) {
                case let .failure(problem):
                    problems.append(DirectoryProblem(file: full, kind: .badName(problem)))
                case let .success(name):
                    files.append((name, folder, full))
                }
            }
        }

        // Read every migration file, on every core: a history of thousands of
        // files spends more time in open/read/close than in anything else here.
        let contents = readAll(files.map(\.path))
        texts.reserveCapacity(files.count)
        files = files.enumerated().compactMap { index, file in
            switch contents[index] {
            case let .success(text):
                texts[file.path] = text
            case .failure where isDirectoryAt(file.path):
                problems.append(DirectoryProblem(file: file.path, kind: .strayFile))
                return nil
            case let .failure(problem):
                problems.append(DirectoryProblem(file: file.path, kind: problem.kind))
            }
            return file
        }

        // The same file name in two folders.
        var firstSeen: [String: String] = [:]
        for file in files {
            let key = file.name.fileName
            if let other = firstSeen[key] {
                problems.append(DirectoryProblem(file: file.path, kind: .versionInTwoFolders(other: other)))
            } else {
                firstSeen[key] = file.path
            }
        }

        // Pair each migration with its rollback, folder by folder (by version, not by
        // scanning: a history of thousands of files must not pair in quadratic time).
        var migrations: [Migration] = []
        var rollbacksByVersion: [String: [(name: MigrationFileName, folder: MigrationFolder, path: String)]] = [:]
        var forwardVersions = Set<String>()
        for file in files {
            if file.name.isRollback {
                rollbacksByVersion[file.name.version, default: []].append(file)
            } else {
                forwardVersions.insert(file.name.version)
            }
        }
        for file in files where !file.name.isRollback {
            let candidates = rollbacksByVersion[file.name.version] ?? []
            let rollback = candidates.first { $0.folder == file.folder }
            if rollback == nil {
                if let elsewhere = candidates.first {
                    problems.append(DirectoryProblem(file: elsewhere.path, kind: .rollbackInOtherFolder(migration: file.path)))
                } else {
                    let expected = root + "/" + file.folder.rawValue + "/" + file.name.rollbackFileName
                    problems.append(DirectoryProblem(file: file.path, kind: .missingRollback(expected: expected)))
                }
            }
            migrations.append(Migration(name: file.name, folder: file.folder, path: file.path, rollbackPath: rollback?.path))
        }
        for file in files where file.name.isRollback && !forwardVersions.contains(file.name.version) {
            let expected = root + "/" + file.folder.rawValue + "/" + file.name.migrationFileName
            problems.append(DirectoryProblem(file: file.path, kind: .rollbackWithoutMigration(expected: expected)))
        }

        // Chronological: by date, then full name. Keys computed once, not per comparison.
        migrations = migrations.map { ($0.date, $0.name.migrationFileName, $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.precedes($1.1) }
            .map(\.2)
        problems.sort { ($0.file, $0.message) < ($1.file, $1.message) }
        return MigrationDirectory(path: root, migrations: migrations, problems: problems, texts: texts)
    }

    /// Throws every problem at once if the directory is not valid.
    public func validate() throws {
        if !problems.isEmpty { throw MigrationDirectoryError(directory: path, problems: problems) }
    }

    /// Throws every problem but a missing rollback: `lint` reports that one as a
    /// finding of its own rule, beside the others, rather than refusing the directory.
    public func validateAllowingMissingRollbacks() throws {
        let blocking = problems.filter { if case .missingRollback = $0.kind { return false } else { return true } }
        if !blocking.isEmpty { throw MigrationDirectoryError(directory: path, problems: blocking) }
    }

    public func migrations(in folder: MigrationFolder) -> [Migration] {
        migrations.filter { $0.folder == folder }
    }

    public func migration(version: String) -> Migration? {
        migrations.first { $0.version == version }
    }

    /// The migrations `path` names: the one whose migration or rollback file it
    /// is, or every migration under it when it is a folder of the directory.
    /// Paths compare after resolving `.`, `..` and symbolic links.
    public func migrations(named path: String) -> [Migration] {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let target = absolute(path)
        return migrations.filter { migration in
            let files = [migration.path, migration.rollbackPath].compactMap { $0 }.map(absolute)
            return files.contains(target) || files.contains { $0.hasPrefix(target + "/") }
        }
    }

    /// A migration's file (or its rollback's) as the user named the directory, with the
    /// text this directory read (the disk only for one it did not): what replay, lint and
    /// verify apply. The migration's own file expects its version recorded; a rollback, none.
    public func file(of migration: Migration, rollback: Bool = false) throws -> MigrationFile {
        let path = self.path(of: rollback ? migration.name.rollbackFileName : migration.name.migrationFileName, in: migration.folder)
        let expected = rollback ? nil : migration.version
        if let text = texts[path] { return MigrationFile(path: path, text: text, expectedVersion: expected) }
        return try MigrationFile.read(path, expectedVersion: expected)
    }

    /// The path a file of `folder` would have.
    public func path(of fileName: String, in folder: MigrationFolder) -> String {
        path + "/" + folder.rawValue + "/" + fileName
    }

    private static func sortedEntries(_ path: String) throws -> (names: [String], links: Set<String>) {
        // UTF-8 byte order is code point order, and much cheaper to compare.
        guard let listed = RawFiles.names(in: path) else {
            return (try FileManager.default.contentsOfDirectory(atPath: path), []) // for its error
        }
        return (listed.names.sorted { $0.precedes($1) }, listed.links)
    }

    private static func isDirectoryAt(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private struct ContentProblem: Error { let kind: DirectoryProblem.Kind }

    private static func readAll(_ paths: [String]) -> [Result<String, ContentProblem>] {
        paths.parallelMapInChunks(minimumChunk: 256, context: { RawFiles.Buffer() }) { buffer, path in readText(path, through: &buffer) }
    }

    private static func readText(_ path: String, through buffer: inout RawFiles.Buffer) -> Result<String, ContentProblem> {
        guard let bytes = buffer.read(path) else {
            return .failure(ContentProblem(kind: .unreadable("permission denied or vanished")))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(ContentProblem(kind: .notUTF8)) }
        if text.allSatisfy(\.isWhitespace) { return .failure(ContentProblem(kind: .empty)) }
        return .success(text)
    }
}

extension MigrationDirectory {
    /// The files of active versions whose bytes no longer hash to the checksum
    /// `apply` recorded for them (versions without a checksum are not judged).
    public func changedSinceApplied(_ entries: [SchemaVersions.Entry]) -> [String] {
        entries.compactMap { entry -> String? in
            guard entry.isActive, let recorded = entry.checksum?.lowercased(), let migration = migration(version: entry.version) else { return nil }
            let path = path(of: migration.name.migrationFileName, in: migration.folder)
            guard let text = texts[path] else { return nil }
            return ContentHash.hex(text) == recorded ? nil : path
        }
    }
}
