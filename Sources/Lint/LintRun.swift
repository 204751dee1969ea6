import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import SchemaModel

/// `lint`: replays the history in one scratch database, migration by
/// migration, and runs the rules on each chosen migration with the schema the
/// migrations before it built and the schema after it.
public struct LintRun: Sendable {
    public struct Result: Sendable {
        public var findings: [LintFinding]
        /// How many migrations the rules ran on.
        public var linted: Int
        /// A migration that failed to apply: the rules ran on it (without the
        /// schema after it) and the migrations after it were not linted.
        public var failure: (any Error)?
    }

    /// What a path given to `lint` did not name.
    public struct UnknownPath: Error, CustomStringConvertible {
        public let path: String
        public let directory: String
        public var description: String { "\(path): not a migration, rollback or folder of \(directory)" }
    }

    public var replay: MigrationReplay
    /// `[lint.ignore]` of schemactl.toml: version → rules silenced for it.
    public var ignored: [String: Set<String>]

    public init(replay: MigrationReplay, ignored: [String: Set<String>] = [:]) {
        self.replay = replay
        self.ignored = ignored
    }

    /// Lints the migrations of `directory` that `paths` name (files, either of a
    /// pair, or folders); every migration when `paths` is empty.
    public func run(directory path: String, paths: [String] = []) throws -> Result {
        let directory = try MigrationDirectory.load(path)
        try directory.validateAllowingMissingRollbacks()
        let migrations = directory.migrations
        let chosen = try Self.choose(paths, in: directory)
        let binaries = try? ServerBinaries.locate()
        let extensionFunctions = binaries.map { ExtensionFunctions.read(binaries: $0.directory, major: try? $0.majorVersion()) } ?? [:]
        var result = Result(findings: [], linted: 0, failure: nil)
        guard let first = chosen.min(), let last = chosen.max() else { return result }
        // The migrations before the first chosen one only build the schema it starts from:
        // replayed as any replay would (their versions checked), from the prefix kept on the
        // persistent server when there is one, so `lint migrations/pending` costs pending/.
        let prefix = try MigrationReplay.files(of: directory, selection: MigrationSelection(includePending: true))[..<first]
        try replay.withReplayed(Array(prefix), directory: path) { connection, runner in
            try connection.execute(SchemaVersions.createStatement)
            let builtins = Set(try connection.query("SELECT DISTINCT proname FROM pg_catalog.pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace")
                .rows.map { try $0.string("proname") })
            var before: DatabaseModel? = nil
            for (position, migration) in migrations.enumerated() where position >= first && position <= last {
                let isChosen = chosen.contains(position)
                if isChosen, before == nil { before = try Inspector().inspect(connection) }
                let recorded = try directory.file(of: migration)
                // The version check is a rule here (version-not-recorded), not a reason to stop.
                let file = MigrationFile(path: recorded.path, text: recorded.text, expectedVersion: nil)
                var failure: (any Error)? = nil
                do { try runner.apply([file], to: connection, createSchemaVersions: false) } catch { failure = error }
                if isChosen {
                    let after = failure == nil ? try Inspector().inspect(connection) : nil
                    let rollback = try migration.rollbackPath.map { _ in try directory.file(of: migration, rollback: true) }
                    let subject = LintSubject(
                        version: migration.version,
                        file: try LintedFile(path: file.path, text: file.text),
                        rollback: try rollback.map { try LintedFile(path: $0.path, text: $0.text) },
                        before: before!, after: after, extensionFunctions: extensionFunctions, builtinFunctions: builtins)
                    result.findings += Linter().findings(subject, ignoring: ignored[migration.version] ?? [])
                    result.linted += 1
                    before = after
                } else {
                    before = nil
                }
                if let failure {
                    result.failure = failure
                    return
                }
            }
        }
        return result
    }

    /// Positions of the migrations `paths` name.
    static func choose(_ paths: [String], in directory: MigrationDirectory) throws -> Set<Int> {
        guard !paths.isEmpty else { return Set(directory.migrations.indices) }
        var chosen: Set<String> = []
        for path in paths {
            let named = directory.migrations(named: path)
            guard !named.isEmpty else { throw UnknownPath(path: path, directory: directory.path) }
            chosen.formUnion(named.map(\.version))
        }
        return Set(directory.migrations.indices.filter { chosen.contains(directory.migrations[$0].version) })
    }
}
