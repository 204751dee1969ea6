/// An installed extension. Its member objects are not in the model: the extension brings them.
public struct Extension: Codable, Hashable, Sendable {
    public var name: String
    public var schema: String
    public var version: String
    public var comment: String?

    public init(name: String, schema: String, version: String, comment: String? = nil) {
        self.name = name
        self.schema = schema
        self.version = version
        self.comment = comment
    }
}
