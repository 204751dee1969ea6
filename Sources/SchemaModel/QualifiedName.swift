import SQLText
/// A schema-qualified object name: the identity of most objects in the model.
///
/// Ordered by schema, then name, comparing Unicode scalars, so that the order
/// does not depend on the locale of the machine or of the server.
public struct QualifiedName: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `"schema"."name"`, quoted for SQL.
    public var sql: String { SQLQuoting.qualified(schema, name) }

    public var description: String { sql }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        if lhs.schema != rhs.schema { return lhs.schema.utf8.lexicographicallyPrecedes(rhs.schema.utf8) }
        return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
    }
}
