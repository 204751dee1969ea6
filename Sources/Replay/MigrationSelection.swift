import Migrations

/// Which migrations of a directory a replay applies.
public struct MigrationSelection: Sendable, Hashable {
    public var includePending: Bool
    /// Stop after this version (`DIR@VERSION`).
    public var upTo: String?
    /// Exactly these versions (what an environment's schema_versions says), in the directory's order.
    public var versions: Set<String>?

    public init(includePending: Bool = false, upTo: String? = nil, versions: Set<String>? = nil) {
        self.includePending = includePending
        self.upTo = upTo
        self.versions = versions
    }

    /// archive/ and applied/ by default (what production should look like), pending/ on request.
    public func select(from directory: MigrationDirectory) throws -> [Migration] {
        var chosen = directory.migrations.filter { migration in
            if let versions { return versions.contains(migration.version) }
            return includePending || migration.folder != .pending
        }
        if let upTo {
            guard let last = directory.migrations.firstIndex(where: { $0.version == upTo }) else {
                throw ReplayError.unknownVersion(directory: directory.path, version: upTo)
            }
            let allowed = Set(directory.migrations[...last].map(\.version))
            // DIR@VERSION names a point in history: pending migrations up to it are included.
            chosen = directory.migrations[...last].filter { versions?.contains($0.version) ?? true }
            chosen = chosen.filter { allowed.contains($0.version) }
        }
        return chosen
    }
}
