/// An enum type; its labels in their sort order (`enumsortorder`), which is the order that matters.
public struct EnumType: Codable, Hashable, Sendable {
    public var name: QualifiedName
    public var labels: [String]
    public var comment: String?

    public init(name: QualifiedName, labels: [String], comment: String? = nil) {
        self.name = name
        self.labels = labels
        self.comment = comment
    }
}
