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
        let paths = Set(changed.split(separator: "\n").map { top + "/" + $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path })
        var versions: Set<String> = []
        var touchesConsolidated = paths.contains { $0.hasSuffix("/consolidated_schema.sql") }
        for migration in directory.migrations {
            let files = [migration.file, migration.rollback].compactMap { $0 }.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
            guard files.contains(where: paths.contains) else { continue }
            versions.insert(migration.version)
            if migration.folder != .pending { touchesConsolidated = true }
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
