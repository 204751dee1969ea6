import Foundation
import Replay
import SchemaModel
import Testing

@Suite struct ReplayCacheTests {
    @Test func theCacheKeepsTheNewestEntriesOnly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ReplayCache(folder: folder)
        for number in 0..<(ReplayCache.keep + 3) {
            cache.store(key: "key\(number)", model: DatabaseModel(), serverVersion: 150000)
            usleep(10_000)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        #expect(left.count == ReplayCache.keep)
        #expect(!left.contains("key0.json"))
        #expect(cache.load(key: "key\(ReplayCache.keep + 2)") != nil)
    }

    @Test func theCacheFolderStaysInTheProject() throws {
        let temporary = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        // A migrations directory that is a temporary folder itself: the cache goes inside it, not into /tmp.
        #expect(ReplayCache.beside(migrationsDirectory: temporary).folder == temporary + "/.schemactl/cache")
        #expect(ReplayCache.beside(migrationsDirectory: temporary + "/migrations").folder == temporary + "/.schemactl/cache")
        try FileManager.default.createDirectory(atPath: temporary + "/db", withIntermediateDirectories: true)
        try "".write(toFile: temporary + "/schemactl.toml", atomically: true, encoding: .utf8)
        #expect(ReplayCache.beside(migrationsDirectory: temporary + "/db").folder == temporary + "/.schemactl/cache")
    }

    private func temporaryFolder() throws -> String {
        let path = URL(fileURLWithPath: NSTemporaryDirectory() + "schemactl-cache-" + UUID().uuidString).standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
