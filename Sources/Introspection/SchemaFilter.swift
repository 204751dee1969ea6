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
}
