import SQLText

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

extension ObjectAddress {
    /// The kind in the one vocabulary, from the type the dependency query
    /// names (as pg_identify_object does). nil for what the model does not
    /// order by, and for `type`, which there covers enums, domains, range and
    /// base types alike: the model's JSON keeps these
    /// strings byte for byte until a format version splits them.
    public var kind: ObjectKind? {
        switch type {
        case "schema": return .schema
        case "extension": return .extension
        case "composite type": return .compositeType
        case "sequence": return .sequence
        case "table": return .table
        case "table column": return .column
        case "table constraint": return .constraint
        case "index": return .index
        case "trigger": return .trigger
        case "policy": return .policy
        case "rule": return .rule
        case "view": return .view
        case "materialized view": return .materializedView
        case "function": return .function
        case "procedure": return .procedure
        case "aggregate": return .aggregate
        case "foreign table": return .foreignTable
        case "operator": return .operator
        case "operator class": return .operatorClass
        case "operator family": return .operatorFamily
        case "transform": return .transform
        case "language": return .language
        case "foreign-data wrapper": return .foreignDataWrapper
        case "server": return .foreignServer
        case "user mapping": return .userMapping
        case "access method": return .accessMethod
        case "text search parser": return .textSearchParser
        case "text search template": return .textSearchTemplate
        case "text search dictionary": return .textSearchDictionary
        case "text search configuration": return .textSearchConfiguration
        case "collation": return .collation
        case "conversion": return .conversion
        default: return nil
        }
    }
}
