import Foundation

/// One migration of the directory: its file, its folder and its rollback.
public struct Migration: Hashable, Sendable {
    public let name: MigrationFileName
    public let folder: MigrationFolder
    /// The migration file.
    public let file: URL
    /// The rollback file, when there is one (a valid directory always has one).
    public let rollback: URL?

    public var version: String { name.version }
    public var date: String { name.date }
    public var description: String { name.description }
}
