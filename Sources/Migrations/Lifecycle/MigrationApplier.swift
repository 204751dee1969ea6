import Foundation
import PostgresClient

/// `apply`: the migrations a database lacks, in order, each in its own
/// transaction, one runner at a time; on production, each pair moves from
/// pending/ to applied/ once its transaction has committed.
///
/// Safe under failure: a migration that fails rolls back whole and stops the
/// run, its file stays where it is. A run killed between a commit and a move
/// leaves a version active whose files are still in pending/: the next run
/// (or `status`) finds it and finishes the move before anything else.
public struct MigrationApplier: Sendable {
    public struct Options: Sendable {
        /// Stop after this version.
        public var upTo: String?
        /// Say what would run; change nothing.
        public var dryRun = false
        /// Move applied pairs from pending/ to applied/ (the production database's applies do).
        public var move = false
        /// Files whose bytes changed since they were applied are an error, not a warning.
        public var strict = false
        /// Seconds to wait for another runner's lock.
        public var lockTimeout = 60.0
        /// An empty database: load consolidated_schema.sql first (it records the versions it holds).
        public var baseline = false

        public init(upTo: String? = nil, dryRun: Bool = false, move: Bool = false, strict: Bool = false, lockTimeout: Double = 60) {
            self.upTo = upTo
            self.dryRun = dryRun
            self.move = move
            self.strict = strict
            self.lockTimeout = lockTimeout
        }
    }

    /// What a run did (or, dry, would do).
    public struct Outcome: Sendable {
        /// Versions applied (dry run: to apply), in order.
        public var applied: [String] = []
        /// Versions whose files were moved to applied/.
        public var moved: [String] = []
        /// Versions a previous run committed but did not move: moved now.
        public var repaired: [String] = []
        public var warnings: [String] = []
    }

    /// Why nothing (more) was applied.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case archivedMissing(versions: [String])
        case unknownVersion(String)
        case changedSinceApplied([String])
        case notEmpty(found: [String])
        case noConsolidatedSchema(String)

        public var description: String {
            switch self {
            case let .archivedMissing(versions):
                return "the database lacks archived migrations (\(versions.prefix(3).joined(separator: ", "))\(versions.count > 3 ? ", …" : "")): "
                    + "archive/ is history folded into consolidated_schema.sql, not applied one by one. A new environment starts "
                    + "with `schemactl apply --baseline`."
            case let .unknownVersion(version):
                return "--to \(version): the directory has no such migration"
            case let .notEmpty(found):
                return "--baseline needs an empty database, and this one has a schema already: \(found.joined(separator: ", "))"
                    + (found.count >= 5 ? ", …" : "") + ". Use `schemactl apply` without --baseline on a database that was migrated."
            case let .noConsolidatedSchema(path):
                return "--baseline: \(path) does not exist; run `schemactl consolidate` first"
            case let .changedSinceApplied(lines):
                return "applied migrations changed since they were applied (--strict):\n" + lines.map { "  " + $0 }.joined(separator: "\n")
            }
        }
    }

    /// The lock every runner of one database takes: one number, "schemactl" in ASCII.
    public static let lockKey: Int64 = 0x73_63_68_65_6D_61_63

    public let directoryPath: String
    public let database: ConnectionString
    public let options: Options
    /// Progress and warnings, as they happen.
    public var report: (@Sendable (String) -> Void)?

    public init(directory: String, database: ConnectionString, options: Options, report: (@Sendable (String) -> Void)? = nil) {
        directoryPath = directory
        self.database = database
        self.options = options
        self.report = report
    }

    public func run() throws -> Outcome {
        let lock = try AdvisoryLock(database, key: Self.lockKey, timeout: options.lockTimeout, waiting: report)
        defer { lock.release() }
        let connection = try Connection(database)
        defer { connection.close() }
        var outcome = Outcome()
        if options.baseline {
            let found = try Self.userObjects(connection)
            if !found.isEmpty { throw Failure.notEmpty(found: found) }
            let path = directoryPath + "/consolidated_schema.sql"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure.noConsolidatedSchema(path) }
            report?("loading \(path)")
            if !options.dryRun {
                // One transaction: a baseline that fails leaves the database empty.
                try MigrationRunner().apply([MigrationFile(path: path, text: text, expectedVersion: nil)], to: connection,
                                            createSchemaVersions: false)
            }
        }
        if !options.dryRun {
            try connection.execute(SchemaVersions.createStatement)
            try connection.execute(SchemaVersions.addChecksumColumn)
        }
        let entries = try SchemaVersions.read(connection) ?? []
        if options.move && !options.dryRun {
            outcome.repaired = try MigrationMoves.finishInterrupted(directory: directoryPath, active: entries.filter(\.isActive).map(\.version))
            for version in outcome.repaired {
                report?("\(version): applied by an earlier run that stopped before moving it; moved to applied/ now")
            }
        }
        let directory = try MigrationDirectory.load(directoryPath)
        try directory.validate()
        outcome.warnings = directory.changedSinceApplied(entries).map { "\($0): changed since it was applied (its checksum in schema_versions differs)" }
        if options.strict, !outcome.warnings.isEmpty { throw Failure.changedSinceApplied(outcome.warnings) }
        for warning in outcome.warnings { report?("warning: " + warning) }

        let byVersion = Dictionary(entries.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        // A dry baseline loaded nothing: what the consolidated schema would record counts as applied.
        let assumed = options.baseline && options.dryRun ? Set(directory.migrations.filter { $0.folder != .pending }.map(\.version)) : []
        let active = { (version: String) in byVersion[version]?.isActive == true || assumed.contains(version) }
        let missingArchived = directory.migrations(in: .archive).filter { !active($0.version) }.map(\.version)
        if !missingArchived.isEmpty { throw Failure.archivedMissing(versions: missingArchived) }
        var todo = directory.migrations.filter { $0.folder != .archive && !active($0.version) }
        if let upTo = options.upTo {
            guard directory.migration(version: upTo) != nil else { throw Failure.unknownVersion(upTo) }
            todo = todo.filter { $0.version.utf8.lexicographicallyPrecedes(upTo.utf8) || $0.version == upTo }
        }
        if options.dryRun {
            outcome.applied = todo.map(\.version)
            return outcome
        }
        let runner = MigrationRunner()
        for migration in todo {
            let bytes = try Data(contentsOf: migration.file)
            let file = MigrationFile(path: migration.file.path, text: String(decoding: bytes, as: UTF8.self), expectedVersion: migration.version)
            // A version rolled back before keeps its row, inactive: removed in the file's own
            // transaction, so the file's INSERT records it anew (and a failure keeps the old row).
            let prelude = byVersion[migration.version].map { _ in
                "DELETE FROM schema_versions WHERE version = \(Self.literal(migration.version)) AND NOT coalesce(is_active, true)"
            }
            report?("applying \(migration.version)")
            try runner.apply([file], to: connection, createSchemaVersions: false, prelude: prelude)
            var hash = ContentHash()
            hash.update([UInt8](bytes))
            try connection.query("UPDATE schema_versions SET checksum = $1 WHERE version = $2", [hash.finalize(), migration.version])
            outcome.applied.append(migration.version)
            if options.move, migration.folder == .pending {
                try MigrationMoves.move(migration, from: .pending, to: .applied, in: directory)
                outcome.moved.append(migration.version)
            }
        }
        return outcome
    }


    /// Up to five objects of the user's schemas (relations, types, functions), named: what makes a database not empty.
    static func userObjects(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT kind || ' ' || pg_catalog.quote_ident(nspname) || '.' || pg_catalog.quote_ident(name) AS object FROM (
              SELECT 'relation' AS kind, n.nspname, c.relname AS name FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              UNION ALL
              SELECT 'type', n.nspname, t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype IN ('e', 'd', 'c', 'r') AND (t.typrelid = 0 OR t.typtype <> 'c')
              UNION ALL
              SELECT 'function', n.nspname, p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            ) o
            WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
                              WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                                AND d.objid IN (SELECT oid FROM pg_catalog.pg_class WHERE relname = o.name
                                                UNION ALL SELECT oid FROM pg_catalog.pg_proc WHERE proname = o.name
                                                UNION ALL SELECT oid FROM pg_catalog.pg_type WHERE typname = o.name))
            ORDER BY 1 LIMIT 5
            """).rows.map { try $0.string("object") }
    }

    public static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
