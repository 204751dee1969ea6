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

    struct Header: Codable {
        var format: Int
        var place: String
        var stamp: String
    }

    public func holds(place: String) -> Bool {
        FileManager.default.fileExists(atPath: path(place))
    }

    public func model(place: String, stamp: String) -> DatabaseModel? {
        guard let data = FileManager.default.contents(atPath: path(place)),
              let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]),
              header.format == DatabaseModel.formatVersion, header.place == place, header.stamp == stamp,
              let model = try? ModelJSON.decodeCache(DatabaseModel.self, from: [UInt8](data[(newline + 1)...])) else { return nil }
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
        let manager = FileManager.default
        let all = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        let hourAgo = Date().addingTimeInterval(-3600)
        for name in all where name.hasPrefix(".writing-") {
            let path = folder + "/" + name
            if let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, date < hourAgo {
                try? manager.removeItem(atPath: path)
            }
        }
        let names = all.filter { $0.hasSuffix(".model") }
        let entries: [(String, Date)] = names.map { name in
            let path = folder + "/" + name
            let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            return (path, date ?? .distantPast)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (path, _) in entries.dropFirst(Self.keep) { try? manager.removeItem(atPath: path) }
    }

    func path(_ place: String) -> String {
        var hash = ContentHash()
        hash.update(place)
        return folder + "/" + hash.finalize() + ".model"
    }
}
