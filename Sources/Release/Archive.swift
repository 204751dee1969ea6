import Foundation
import Migrations
import PostgresClient
import Replay
import SchemaModel

/// `archive`, the release step: the applied migrations up to a version move, with
/// their rollbacks, into archive/; `consolidated_schema.sql` is written again and
/// `snapshots/release-<last version>.json` records the model at the release.
///
/// It verifies before it moves anything (every environment named has each of
/// those migrations active; the consolidated file, applied to an empty database,
/// gives the replay). It is all or nothing: the new consolidated file is written
/// aside, the moves are written to a journal first, and a run that stops half-way
/// is finished by the next run (`archive` again, or any run that finds the journal).
public struct Archive: Sendable {
    public struct Plan: Sendable {
        public let versions: [String]
        public let snapshot: String
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case nothingToArchive
        case unknownVersion(String)
        case notApplied(environment: String, versions: [String])

        public var description: String {
            switch self {
            case .nothingToArchive: return "applied/ holds no migration to archive"
            case let .unknownVersion(version): return "--through \(version): applied/ has no such migration"
            case let .notApplied(environment, versions):
                return "environment \(environment) does not have \(versions.joined(separator: ", ")) active: archiving would fold into "
                    + "the consolidated schema what it never ran. Apply them there first; nothing was moved."
            }
        }
    }

    public var directory: String
    public var through: String?
    /// Environments whose schema_versions must have every archived migration active, by name.
    public var environments: [(name: String, database: ConnectionString)] = []
    public var replay: MigrationReplay
    public var snapshots = "snapshots"
    public var report: (@Sendable (String) -> Void)?

    public init(directory: String, replay: MigrationReplay) {
        self.directory = directory
        self.replay = replay
    }

    /// Fault injection for the tests' kill points: the process ends (as if killed) after this many
    /// file operations of the completion. nil in normal use.
    public var stopAfterSteps: Int?

    /// Beside the migrations directory (a journal inside it would be a file the directory does not expect).
    /// The directory made absolute first: `--migrations migrations` has no parent in its text, and
    /// the journal went to `/.schemactl`, from where its files could not even be renamed into a
    /// project on another file system.
    var workFolder: String {
        URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent().path + "/.schemactl"
    }
    /// Where an interrupted archive left its plan.
    var journalPath: String { workFolder + "/archive-journal" }
    var pendingConsolidated: String { workFolder + "/consolidated_schema.sql.new" }

    /// What would move, and the snapshot it would write.
    public func plan() throws -> Plan {
        let loaded = try MigrationDirectory.load(directory)
        try loaded.validate()
        var selected = loaded.migrations(in: .applied)
        if let through {
            guard selected.contains(where: { $0.version == through }) else { throw Failure.unknownVersion(through) }
            selected = selected.filter { $0.version.utf8.lexicographicallyPrecedes(through.utf8) || $0.version == through }
        }
        guard let last = selected.last else { throw Failure.nothingToArchive }
        return Plan(versions: selected.map(\.version), snapshot: snapshots + "/release-\(last.version).json")
    }

    /// Finishes an archive a previous run left half done: its plan, or nil when there was none.
    public func finishInterrupted() throws -> Plan? {
        guard let text = try? String(contentsOfFile: journalPath, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        let versions = lines.filter { !$0.hasPrefix("snapshot ") }
        let snapshot = lines.first { $0.hasPrefix("snapshot ") }.map { String($0.dropFirst(9)) }
        report?("finishing an archive a previous run left half done (\(journalPath))")
        try complete(versions: versions, snapshot: snapshot)
        return Plan(versions: versions, snapshot: snapshot ?? "")
    }

    /// Verifies, then moves; returns the versions archived. An archive a previous run
    /// left half done is finished first, and is this run's work.
    public func run() throws -> Plan {
        if let finished = try finishInterrupted() { return finished }
        let plan = try plan()
        for environment in environments {
            let connection = try Connection(environment.database)
            defer { connection.close() }
            let active = Set((try SchemaVersions.read(connection) ?? []).filter(\.isActive).map(\.version))
            let missing = plan.versions.filter { !active.contains($0) }
            if !missing.isEmpty { throw Failure.notApplied(environment: environment.name, versions: missing) }
        }
        // The consolidated schema after the release (archive and applied together, as always), proved, written aside.
        let result = try Consolidation(replay: replay).run(directory: directory)
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        try Data(result.text.utf8).write(to: URL(fileURLWithPath: pendingConsolidated))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let snapshot = Snapshot(header: .init(serverVersion: result.serverVersion, seconds: 0, source: directory,
                                              takenAt: formatter.string(from: Date())), model: result.model)
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
        try snapshot.encoded().write(to: URL(fileURLWithPath: plan.snapshot + ".new"))
        // The journal says what the rest of the run does; from here on, any run finishes it.
        try (plan.versions + ["snapshot " + plan.snapshot]).joined(separator: "\n").write(toFile: journalPath, atomically: true, encoding: .utf8)
        try complete(versions: plan.versions, snapshot: plan.snapshot)
        return plan
    }

    /// The moves (each skipped when already made), the consolidated file and the snapshot renamed into place, the journal removed.
    private func complete(versions: [String], snapshot: String?) throws {
        let root = directory
        var steps = 0
        func step() {
            steps += 1
            if let stopAfterSteps, steps > stopAfterSteps { _exit(137) }
        }
        for version in versions {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/applied")) ?? [])
                .compactMap { try? MigrationFileName.parse($0).get() }.filter { $0.version == version }
            if let name = names.first {
                step()
                try MigrationMoves.moveFiles(version: name, from: .applied, to: .archive, root: root)
            }
        }
        step()
        if FileManager.default.fileExists(atPath: pendingConsolidated) {
            guard rename(pendingConsolidated, root + "/consolidated_schema.sql") == 0 else {
                throw MigrationMoves.Failure(from: pendingConsolidated, to: root + "/consolidated_schema.sql", reason: String(cString: strerror(errno)))
            }
        }
        step()
        if let snapshot, FileManager.default.fileExists(atPath: snapshot + ".new") {
            _ = rename(snapshot + ".new", snapshot)
        }
        try? FileManager.default.removeItem(atPath: journalPath)
    }
}
