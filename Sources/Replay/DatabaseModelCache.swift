import Foundation
import Introspection
import Migrations
import SchemaModel

/// Models of live databases on disk, each under its database's place and read
/// again only when the catalog's stamp has moved (`CatalogStamp`): a diff or
/// drift check of an unchanged 5,000-table database then costs one scan of its
/// catalogs and a decode, not an inspection.
///
/// One file per place (a database, read by a role, with the inspector's
/// options): a header line (the place and the stamp) and the model. A file
/// whose header is not the one asked for is not decoded; one that does not
/// decode is ignored and overwritten, never trusted. The folder and its files
/// are the user's alone (0700 and 0600): they hold a schema, never a password
/// (the model reads no connection or mapping options).
public struct DatabaseModelCache: ModelMemory {
    public let folder: String
    /// Whether `keep` writes on a background queue, so that encoding and writing a large model
    /// overlaps the command's own work; the process must then call `finishWriting()` before it
    /// exits. Off by default: a library caller may read the folder right after.
    public var writesInBackground = false

    public init(folder: String, writesInBackground: Bool = false) {
        self.folder = folder
        self.writesInBackground = writesInBackground
    }

    private static let writes = DispatchQueue(label: "schemactl.database-model-cache")
    private static let pending = DispatchGroup()

    /// Waits for the models being written in the background (a no-op when none is).
    public static func finishWriting() {
        pending.wait()
    }

    /// How many places are kept; the files not used for longest beyond it are removed.
    public static let keep = 16

    /// `SCHEMACTL_CACHE_DIR/databases`, else `$XDG_CACHE_HOME/schemactl/databases`,
    /// else `~/.cache/schemactl/databases`: a database belongs to no project.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                writesInBackground: Bool = false) -> DatabaseModelCache {
        let base = environment["SCHEMACTL_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/schemactl" }
            ?? NSHomeDirectory() + "/.cache/schemactl"
        return DatabaseModelCache(folder: base + "/databases", writesInBackground: writesInBackground)
    }

    /// What proofs between these models held (`ProofRecords`), in the same folder.
    public var proofs: ProofRecords { ProofRecords(folder: folder) }

    /// The most a header line may take: a place and a stamp of some hundred catalogs.
    static let headerLimit = 64 * 1024

    struct Header: Codable {
        var format: Int
        var place: String
        var stamp: String
    }

    public func holds(place: String) -> Bool {
        FileManager.default.fileExists(atPath: path(place))
    }

    public func model(place: String, stamp: String) -> DatabaseModel? {
        // The header first: a model kept at another stamp (the usual miss) is not read at all.
        guard let file = FileHandle(forReadingAtPath: path(place)) else { return nil }
        defer { try? file.close() }
        guard let start = try? file.read(upToCount: Self.headerLimit),
              let newline = start.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: start[start.startIndex..<newline]),
              header.format == DatabaseModel.formatVersion, header.place == place, header.stamp == stamp,
              let rest = try? file.readToEnd() ?? Data(),
              let model = try? ModelJSON.decodeCache(DatabaseModel.self, from: [UInt8](start[(newline + 1)...]) + rest)
        else { return nil }
        // Used now: the last to go when the folder is trimmed.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path(place))
        return model
    }

    public func keep(_ model: DatabaseModel, place: String, stamp: String) {
        guard writesInBackground else { return write(model, place: place, stamp: stamp) }
        Self.writes.async(group: Self.pending) { self.write(model, place: place, stamp: stamp) }
    }

    private func write(_ model: DatabaseModel, place: String, stamp: String) {
        // A cache that cannot be written is no cache, not an error.
        let header = Header(format: DatabaseModel.formatVersion, place: place, stamp: stamp)
        guard var data = try? JSONEncoder().encode(header) else { return }
        data.append(UInt8(ascii: "\n"))
        data.append(ModelJSON.encodeCompact(model))
        let manager = FileManager.default
        try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder + "/.writing-" + UUID().uuidString
        guard manager.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path(place)) != 0 { try? manager.removeItem(atPath: temporary) }
        trim()
    }

    /// Keeps the `keep` places used last, and removes what a run stopped while writing left
    /// behind (a `.writing-` file older than an hour: no write takes that long).
    func trim() {
        let hourAgo = Date().addingTimeInterval(-3600)
        for (path, date) in CacheFolder.newestFirst(in: folder, matching: { $0.hasPrefix(".writing-") }) where date < hourAgo {
            try? FileManager.default.removeItem(atPath: path)
        }
        CacheFolder.keepNewest(Self.keep, in: folder) { $0.hasSuffix(".model") }
    }

    func path(_ place: String) -> String {
        var hash = ContentHash()
        hash.update(place)
        return folder + "/" + hash.finalize() + ".model"
    }
}
