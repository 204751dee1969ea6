import Foundation
import Migrations
import SchemaModel

/// Replayed models on disk, under `.schemactl/cache/`, keyed by a SHA-256 of
/// everything that decides the result: the server's major version (the deparsed
/// text differs between majors), the model's format version, and the ordered
/// name and bytes of every file replayed.
///
/// Why a model cache and not template databases: a cache hit must cost less
/// than starting the embedded server (about a second), so it must not need a
/// server at all. On a miss, the longest replayed prefix is reused from the
/// persistent embedded server (see `PrefixTemplates`).
///
/// An entry that does not decode, was written for another key, or another
/// format version is ignored and overwritten, never trusted.
public struct ReplayCache: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// How many models are kept; the oldest beyond it are removed after each store.
    public static let keep = 8

    /// `.schemactl/cache` in the project: beside the migrations directory when
    /// it is the project's `migrations/` (it is named so, or its folder holds
    /// `.git` or `schemactl.toml`); otherwise inside it, so that a directory in
    /// a shared folder (`/tmp`) never writes into that folder.
    public static func beside(migrationsDirectory: String) -> ReplayCache {
        let directory = URL(fileURLWithPath: migrationsDirectory).standardizedFileURL
        let parent = directory.deletingLastPathComponent().path
        let inProject = directory.lastPathComponent == "migrations"
            || [".git", "schemactl.toml"].contains { FileManager.default.fileExists(atPath: parent + "/" + $0) }
        return ReplayCache(folder: (inProject ? parent : directory.path) + "/.schemactl/cache")
    }

    /// `server`: what else decides the result on a scratch server of the user's
    /// own (its roles and settings, `ClusterState.fingerprint`); empty for the
    /// embedded server, which is kept pristine.
    public static func key(serverMajor: Int, server: String = "", files: [MigrationFile]) -> String {
        var hasher = start(serverMajor: serverMajor, server: server)
        for file in files { add(file, to: &hasher) }
        return hasher.finalize()
    }

    /// The key of every prefix of `files`: element i covers the first i files.
    public static func prefixKeys(serverMajor: Int, server: String = "", files: [MigrationFile]) -> [String] {
        var hasher = start(serverMajor: serverMajor, server: server)
        var keys = [hasher.copyFinalized()]
        for file in files {
            add(file, to: &hasher)
            keys.append(hasher.copyFinalized())
        }
        return keys
    }

    private static func start(serverMajor: Int, server: String) -> ContentHash {
        var hasher = ContentHash()
        hasher.update("schemactl replay cache\0server \(serverMajor)\0format \(DatabaseModel.formatVersion)\0"
                      + "read \(DatabaseModel.readRevision)\0")
        if !server.isEmpty { hasher.update("state " + String(server.utf8.count) + "\0" + server + "\0") }
        return hasher
    }

    /// Name and bytes, each delimited, so no two histories hash alike by shifting a boundary.
    private static func add(_ file: MigrationFile, to hasher: inout ContentHash) {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        hasher.update(name + "\0" + String(file.text.utf8.count) + "\0")
        hasher.update(file.text)
        hasher.update("\0")
    }

    public struct Entry: Codable, Sendable {
        var formatVersion: Int
        var key: String
        var serverVersion: Int
        var model: DatabaseModel
    }

    public func load(key: String) -> (model: DatabaseModel, serverVersion: Int)? {
        guard let entry = Self.decode(path(key)), entry.key == key else { return nil }
        return (entry.model, entry.serverVersion)
    }

    /// Starts decoding the newest entry on another thread, while the caller reads
    /// and hashes the migrations: a repeat run almost always wants that entry, and
    /// decoding it costs as much as reading the files. `load(key:guess:)` uses it
    /// only if its key is the one asked for.
    public func guessNewest() -> Guess {
        let guess = Guess()
        let folder = self.folder
        DispatchQueue.global().async {
            let newest = CacheFolder.newestFirst(in: folder) { $0.hasSuffix(".json") }.first
            guess.finish(newest.flatMap { Self.decode($0.path) })
        }
        return guess
    }

    public func load(key: String, guess: Guess) -> (model: DatabaseModel, serverVersion: Int)? {
        if let entry = guess.wait(), entry.key == key { return (entry.model, entry.serverVersion) }
        return load(key: key)
    }

    /// A decoded entry, once the background decode is done.
    public final class Guess: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var entry: Entry?

        func finish(_ entry: Entry?) {
            self.entry = entry
            done.signal()
        }

        func wait() -> Entry? {
            done.wait()
            done.signal()
            return entry
        }
    }

    private static func decode(_ path: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path),
              let entry = try? ModelJSON.decodeCache(Entry.self, from: [UInt8](data)),
              entry.formatVersion == DatabaseModel.formatVersion else { return nil }
        return entry
    }

    public func store(key: String, model: DatabaseModel, serverVersion: Int) {
        // A cache that cannot be written is no cache, not an error.
        let entry = Entry(formatVersion: DatabaseModel.formatVersion, key: key, serverVersion: serverVersion, model: model)
        guard let data = try? ModelJSON.encodeCompact(entry) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(key)), options: .atomic)
        evict()
    }

    /// Keeps the newest `keep` entries (by modification time).
    func evict() {
        CacheFolder.keepNewest(Self.keep, in: folder) { $0.hasSuffix(".json") }
    }

    func path(_ key: String) -> String { folder + "/" + key + ".json" }

    /// What proofs against replays from this cache held (`consolidate` run again on an unchanged history).
    public var proofs: ProofRecords { ProofRecords(folder: folder) }
}
