import SchemaModel

/// Which schemas to inspect: `--schema` (only these) and `--exclude-schema`.
public struct SchemaFilter: Sendable, Hashable, Codable {
    public var only: [String]
    public var excluded: [String]

    public init(only: [String] = [], excluded: [String] = []) {
        self.only = only
        self.excluded = excluded
    }

    public static let everything = SchemaFilter()

    public func includes(_ schema: String) -> Bool {
        if excluded.contains(schema) { return false }
        return only.isEmpty || only.contains(schema)
    }

    /// Removes from `model` every object whose schema is filtered out: the one
    /// place both a live inspection and a replayed model are filtered.
    public func apply(to model: inout DatabaseModel) {
        guard self != .everything else { return }
        model.schemas.removeAll { !includes($0.name) }
        model.enums.removeAll { !includes($0.name.schema) }
        model.domains.removeAll { !includes($0.name.schema) }
        model.compositeTypes.removeAll { !includes($0.name.schema) }
        model.sequences.removeAll { !includes($0.name.schema) }
        model.tables.removeAll { !includes($0.name.schema) }
        model.views.removeAll { !includes($0.name.schema) }
        model.functions.removeAll { !includes($0.name.schema) }
    }
}
