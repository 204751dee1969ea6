import EmbeddedServer
import Foundation
import Migrations

/// The migrations a branch changed: what `verify --changed` checks, the check a
/// pull request needs. Asks git, in the migrations directory's repository, for
/// the files that differ from where the branch left `base` (`git merge-base`),
/// committed or not, and the new files git does not know yet.
public struct ChangedMigrations: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Versions whose migration or rollback changed, and whether the consolidated
    /// file or any migration of archive/ or applied/ did (so the consolidated file must be checked again).
    public let versions: Set<String>
    public let touchesConsolidated: Bool

    public static func against(_ base: String, directory: MigrationDirectory) throws -> ChangedMigrations {
        let folder = URL(fileURLWithPath: directory.path).standardizedFileURL.path
        let top = try git(["-C", folder, "rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let mergeBase: String
        do {
            mergeBase = try git(["-C", folder, "merge-base", base, "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw Failure(description: "cannot compare with \(base): \(error) (name another branch with --base)")
        }
        let changed = try git(["-C", folder, "diff", "--name-only", "--no-renames", mergeBase, "--", "."])
            + git(["-C", folder, "ls-files", "--others", "--exclude-standard", "--full-name", "--", "."])
        // Other files the branch changed (a README) name no migration: left out, not refused.
        return try named(changed.split(separator: "\n").map { top + "/" + $0 }, in: directory, strict: false)
    }

    /// The migrations `paths` name (a migration or rollback file of the directory, a folder
    /// of it, or `consolidated_schema.sql`). `strict`: a path that names none is an error.
    public static func named(_ paths: [String], in directory: MigrationDirectory, strict: Bool) throws -> ChangedMigrations {
        var versions: Set<String> = []
        var touchesConsolidated = false
        for path in paths {
            if URL(fileURLWithPath: path).lastPathComponent == "consolidated_schema.sql" { touchesConsolidated = true; continue }
            let named = directory.migrations(named: path)
            if named.isEmpty, strict { throw Failure(description: "\(path): not a migration, rollback or folder of \(directory.path)") }
            versions.formUnion(named.map(\.version))
            // A migration the consolidated file holds: check the file again too.
            if named.contains(where: { $0.folder != .pending }) { touchesConsolidated = true }
        }
        return ChangedMigrations(versions: versions, touchesConsolidated: touchesConsolidated)
    }

    /// `git ARGUMENTS`' output; a failure with what git said.
    private static func git(_ arguments: [String]) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { $0 + "/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw Failure(description: "--changed needs git, and there is none on PATH") }
        let result = try Subprocess.run(path, arguments)
        guard result.status == 0 else {
            throw Failure(description: "git \(arguments.dropFirst(2).joined(separator: " ")): "
                          + result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result.output
    }
}
