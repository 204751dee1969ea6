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

    /// Chronological order: by date, then by the full file name.
    public static func chronological(_ lhs: Migration, _ rhs: Migration) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        return lhs.name.migrationFileName.unicodeScalars.lexicographicallyPrecedes(rhs.name.migrationFileName.unicodeScalars)
    }
}
