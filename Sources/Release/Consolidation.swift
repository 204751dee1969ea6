import Foundation
import Migrations
import Replay
import SQLGeneration
import SQLText
import Support
import SchemaModel

/// `consolidated_schema.sql` of a migrations directory: the replay of archive/
/// and applied/, written as a schema script that records those migrations as
/// applied, and proved (applied twice to an empty database, it gives the replay's model).
public struct Consolidation: Sendable {
    public var replay: MigrationReplay
    /// Write the file though the model names objects it does not represent (they would be missing from it).
    public var allowUnmodelled = false
    /// Skip the proof.
    public var verify = true

    public init(replay: MigrationReplay) {
        self.replay = replay
    }

    /// What `consolidate` produced: the file's text and what it was made from.
    public struct Result: Sendable {
        public let text: String
        public let versions: [String]
        public let model: DatabaseModel
        /// `server_version_num` of the server the history was replayed on.
        public let serverVersion: Int
        /// Seconds the proof took; nil when it was skipped or remembered.
        public let proofSeconds: Double?
        /// The same file was proved against the same replay before (see `ReplayCache.proved`).
        public var proofRemembered = false
    }

    /// The objects a consolidated file would silently miss.
    public struct UnmodelledObjects: Error, CustomStringConvertible {
        public let census: String
        public var description: String {
            "the replayed schema has objects schemactl does not model, which consolidated_schema.sql would leave out: "
                + census + ". Pass --allow-unmodelled to write it without them."
        }
    }

    /// The file did not rebuild the schema it was written from.
    public struct ProofFailed: Error, CustomStringConvertible {
        public let leftover: String
        public var description: String {
            "the consolidated schema, applied twice to an empty database, does not give the replayed schema; nothing was written. "
                + "What differs (the database it built → the replay):\n" + leftover
        }
    }

    public func run(directory path: String, command: String = "schemactl consolidate") throws -> Result {
        // The cache's model decodes while the files are read.
        let guess = replay.guessCachedModel(directory: path)
        let directory = try MigrationDirectory.load(path)
        try directory.validate()
        let included = directory.migrations.filter { $0.folder != .pending }
        let loaded = try replay.model(of: directory, selection: MigrationSelection(includePending: false), guess: guess)
        if !allowUnmodelled, let census = loaded.model.unmodelled.census { throw UnmodelledObjects(census: census) }
        let script = SchemaScript(
            model: loaded.model,
            header: SchemaScript.Header(command: command, versions: included.map(\.version), serverMajor: loaded.serverVersion / 10000),
            descriptions: Self.descriptions(of: included, in: directory))
        let text = script.render()
        var seconds: Double?
        var remembered = false
        if verify {
            // The proof's inputs: the script, and the replay it must give (its files and server).
            let cache = ReplayCache.beside(migrationsDirectory: path)
            let proofKey = loaded.replayKey.map { key in
                var hash = ContentHash()
                hash.update("consolidated \(key) \(replay.filter)\n")
                hash.update(text)
                return hash.finalize()
            }
            if replay.useCache, let proofKey, cache.proofs.holds(proofKey) {
                remembered = true
            } else {
                let proof = try PlanCheck(replay: replay).proveScript(text, gives: loaded.model)
                guard proof.holds else { throw ProofFailed(leftover: Self.describe(proof)) }
                seconds = proof.seconds
                if replay.useCache, let proofKey { cache.proofs.record(proofKey) }
            }
        }
        return Result(text: text, versions: included.map(\.version), model: loaded.model, serverVersion: loaded.serverVersion,
                      proofSeconds: seconds, proofRemembered: remembered)
    }

    /// Each migration's recorded description (its file name's where it records none), by
    /// version; read on every core, in strided chunks (27,166 of them took 0.14 s on one).
    static func descriptions(of migrations: [Migration], in directory: MigrationDirectory) -> [String: String] {
        let read = migrations.parallelMapInChunks(minimumChunk: 512) { migration in
            (migration.version, recordedDescription(of: migration, in: directory) ?? migration.description)
        }
        return Dictionary(read, uniquingKeysWith: { first, _ in first })
    }

    /// The description a migration records for itself (`VALUES ('version', 'description')`, as the
    /// guide writes it), so that a database built from the consolidated file holds the same rows.
    static func recordedDescription(of migration: Migration, in directory: MigrationDirectory) -> String? {
        // The text the directory read (a URL's path is neither free nor the name it read it by).
        guard let text = try? directory.file(of: migration).text else { return nil }
        // A version is digits, letters and underscores (`MigrationFileName`): quoted as it is.
        let marker = "'" + migration.version + "'"
        guard let end = text.byteOffset(of: marker).map({ $0 + marker.utf8.count }) else { return nil }
        let utf8 = text.utf8
        var rest = Substring(text[utf8.index(utf8.startIndex, offsetBy: end)...]).drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        guard rest.first == "," else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        return SQLQuoting.readQuoted(rest, quote: "'")?.value
    }

    static func describe(_ proof: PlanProof) -> String {
        proof.leftover.changes.map { "  \($0.change.mark) \($0.id)" }.joined(separator: "\n")
    }
}
