/// "`dependent` needs `referenced`": one edge of pg_depend between two objects of the model,
/// so that generated SQL can create objects in an order the server accepts.
public struct Dependency: Codable, Hashable, Sendable, Comparable {
    public var dependent: ObjectAddress
    public var referenced: ObjectAddress

    public init(dependent: ObjectAddress, referenced: ObjectAddress) {
        self.dependent = dependent
        self.referenced = referenced
    }

    public static func < (lhs: Dependency, rhs: Dependency) -> Bool {
        lhs.dependent != rhs.dependent ? lhs.dependent < rhs.dependent : lhs.referenced < rhs.referenced
    }
}

/// An object as `pg_identify_object` names it: its type (`table`, `view`,
/// `function`, `type`, …) and its schema-qualified identity (`public.users`,
/// `public.f(integer)`).
public struct ObjectAddress: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var type: String
    public var identity: String

    public init(type: String, identity: String) {
        self.type = type
        self.identity = identity
    }

    public var description: String { "\(type) \(identity)" }

    public static func < (lhs: ObjectAddress, rhs: ObjectAddress) -> Bool {
        lhs.type != rhs.type ? lhs.type.precedes(rhs.type) : lhs.identity.precedes(rhs.identity)
    }
}
