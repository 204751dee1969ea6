/// An enum type; its labels in their sort order (`enumsortorder`), which is the order that matters.
public struct EnumType: Codable, Hashable, Sendable {
    public var name: QualifiedName
    public var labels: [String]
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []

    public init(name: QualifiedName, labels: [String], comment: String? = nil) {
        self.name = name
        self.labels = labels
        self.comment = comment
    }
}
