/// A schema (PostgreSQL's namespace), named `Namespace` so as not to clash with the model itself.
public struct Namespace: Codable, Hashable, Sendable {
    public var name: String
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []

    public init(name: String, comment: String? = nil) {
        self.name = name
        self.comment = comment
    }
}
