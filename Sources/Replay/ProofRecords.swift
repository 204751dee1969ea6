import Foundation

/// Proofs that held, each an empty file named by a hash of what was proved and
/// what it was proved against: a proof is a function of its inputs, so the
/// same plan between the same two models need not be built and applied again
/// to be known to hold. The newest `keep` are kept.
public struct ProofRecords: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public static let keep = 8

    public func holds(_ key: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/proved-" + key)
    }

    public func record(_ key: String) {
        let manager = FileManager.default
        try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = manager.createFile(atPath: folder + "/proved-" + key, contents: Data())
        CacheFolder.keepNewest(Self.keep, in: folder) { $0.hasPrefix("proved-") }
    }
}
