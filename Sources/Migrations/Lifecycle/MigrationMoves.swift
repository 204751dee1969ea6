import Foundation

/// Moving a migration and its rollback between folders: each a `rename(2)` (atomic
/// on one file system), the rollback first and the migration last, so a move cut
/// short leaves the migration where it was and the rollback ahead of it, which
/// `finishInterrupted` completes.
public enum MigrationMoves {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let from: String
        public let to: String
        public let reason: String
        public var description: String { "cannot move \(from) to \(to): \(reason)" }

        public init(from: String, to: String, reason: String) {
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    public static func move(_ migration: Migration, from: MigrationFolder, to: MigrationFolder, in directory: MigrationDirectory) throws {
        try moveFiles(version: migration.name, from: from, to: to, root: directory.path)
    }

    public static func moveFiles(version name: MigrationFileName, from: MigrationFolder, to: MigrationFolder, root: String) throws {
        let manager = FileManager.default
        try? manager.createDirectory(atPath: root + "/" + to.rawValue, withIntermediateDirectories: true)
        for fileName in [name.rollbackFileName, name.migrationFileName] {
            let source = root + "/" + from.rawValue + "/" + fileName
            let target = root + "/" + to.rawValue + "/" + fileName
            guard manager.fileExists(atPath: source) else { continue }
            if manager.fileExists(atPath: target) {
                throw Failure(from: source, to: target, reason: "a file of that name is already there")
            }
            guard rename(source, target) == 0 else {
                throw Failure(from: source, to: target, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Versions active in the database whose files (both, or what is left of a
    /// pair cut in two) are still in pending/: moved to applied/. Runs on the raw
    /// folders, before the directory is validated (a pair cut in two is invalid).
    public static func finishInterrupted(directory root: String, active: [String]) throws -> [String] {
        let pending = root + "/" + MigrationFolder.pending.rawValue
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: pending)) ?? []).compactMap { try? MigrationFileName.parse($0).get() }
        let activeSet = Set(active)
        var finished: [String] = []
        for name in names where activeSet.contains(name.version) && !finished.contains(name.version) {
            try moveFiles(version: name, from: .pending, to: .applied, root: root)
            finished.append(name.version)
        }
        return finished.sorted()
    }

    /// Versions whose files sit in pending/ but are active in the database: what `status` reports as unfinished moves.
    public static func unfinished(directory root: String, active: [String]) -> [String] {
        let pending = root + "/" + MigrationFolder.pending.rawValue
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: pending)) ?? []).compactMap { try? MigrationFileName.parse($0).get() }
        return Array(Set(names.map(\.version)).intersection(active)).sorted()
    }
}
