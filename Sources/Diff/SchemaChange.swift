import SchemaModel

/// One difference between two models: an object added, removed or changed,
/// with the model's own values on each side and the properties that differ.
///
/// What reports render, and what SQL generation, lint and drift switch over
/// (`id.kind` is an `ObjectKind`; `old` and `new` are `SchemaObject`s).
public struct SchemaChange: Hashable, Sendable {
    public struct Property: Sendable, Hashable, Codable {
        public let name: String
        public let old: String?
        public let new: String?

        public init(name: String, old: String?, new: String?) {
            self.name = name
            self.old = old
            self.new = new
        }
    }

    public let change: ChangeKind
    public let id: ObjectID
    /// The object before (nil when added).
    public let old: SchemaObject?
    /// The object after (nil when removed).
    public let new: SchemaObject?
    /// For `changed`: what changed. For `added` / `removed`: the object's properties (new / old values).
    public let properties: [Property]
    /// For a table or view added or removed: its columns, constraints, indexes,
    /// triggers and policies, added or removed with it (in canonical order).
    public let members: [SchemaChange]

    public init(change: ChangeKind, id: ObjectID, old: SchemaObject?, new: SchemaObject?, properties: [Property],
                members: [SchemaChange] = []) {
        self.change = change
        self.id = id
        self.old = old
        self.new = new
        self.properties = properties
        self.members = members
    }

    public var kind: ObjectKind { id.kind }
}
