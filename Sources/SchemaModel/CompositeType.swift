/// A composite type made with `CREATE TYPE … AS (…)`.
public struct CompositeType: Codable, Hashable, Sendable {
    public struct Attribute: Codable, Hashable, Sendable {
        public var name: String
        public var type: String
        public var collation: String?
        public var comment: String?

        public init(name: String, type: String, collation: String? = nil, comment: String? = nil) {
            self.name = name
            self.type = type
            self.collation = collation
            self.comment = comment
        }
    }

    public var name: QualifiedName
    public var attributes: [Attribute]
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []

    public init(name: QualifiedName, attributes: [Attribute], comment: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.comment = comment
    }
}
