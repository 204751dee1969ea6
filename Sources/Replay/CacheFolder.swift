import Foundation

/// What the caches' folders share: keeping the newest few files of a kind.
enum CacheFolder {
    /// The files of `folder` whose names pass `matching`, newest first (by modification
    /// time, then name, so equal times keep one order).
    static func newestFirst(in folder: String, matching: (String) -> Bool) -> [(path: String, date: Date)] {
        let manager = FileManager.default
        return ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter(matching).compactMap { name in
            let path = folder + "/" + name
            guard let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
            return (path, date)
        }.sorted { $0.date != $1.date ? $0.date > $1.date : $0.path < $1.path }
    }

    /// Removes all but the `keep` newest of `folder`'s files whose names pass `matching`.
    static func keepNewest(_ keep: Int, in folder: String, matching: (String) -> Bool) {
        for (path, _) in newestFirst(in: folder, matching: matching).dropFirst(keep) { try? FileManager.default.removeItem(atPath: path) }
    }
}
