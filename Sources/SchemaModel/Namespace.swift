/// A schema (PostgreSQL's namespace), named `Namespace` so as not to clash with the model itself.
public struct Namespace: Codable, Hashable, Sendable {
    public var name: String
    public var comment: String?

    public init(name: String, comment: String? = nil) {
        self.name = name
        self.comment = comment
    }
}
