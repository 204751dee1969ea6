import Foundation

/// One migration of the directory: its file, its folder and its rollback.
public struct Migration: Hashable, Sendable {
    public let name: MigrationFileName
    public let folder: MigrationFolder
    /// The migration file's path, as the directory was named.
    public let path: String
    /// The rollback file's path, when there is one (a valid directory always has one).
    /// Paths are kept, not URLs: making 54,332 URLs was a third of a directory's load.
    public let rollbackPath: String?

    public init(name: MigrationFileName, folder: MigrationFolder, path: String, rollbackPath: String?) {
        self.name = name
        self.folder = folder
        self.path = path
        self.rollbackPath = rollbackPath
    }

    /// The migration file.
    public var file: URL { URL(fileURLWithPath: path, isDirectory: false) }
    /// The rollback file, when there is one.
    public var rollback: URL? { rollbackPath.map { URL(fileURLWithPath: $0, isDirectory: false) } }

    public var version: String { name.version }
    public var date: String { name.date }
    public var description: String { name.description }
}
