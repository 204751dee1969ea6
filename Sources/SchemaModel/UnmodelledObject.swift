import SQLText

/// An object of the database that the model does not represent (a rule, a
/// range type, the privileges on a table, …), named so that a comparison or a
/// generated file never leaves it out without saying so.
public struct UnmodelledObject: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What it is: `rule`, `range type`, `privileges on table`, …
    public var kind: String
    /// Its name, identifiers double-quoted: `"r1" on "public"."t"`.
    public var name: String
    /// The schema it lives in; nil for objects of the database (publications, casts, …).
    public var schema: String?

    public init(kind: String, name: String, schema: String? = nil) {
        self.kind = kind
        self.name = name
        self.schema = schema
    }

    public var description: String { "\(kind) \(name)" }

    /// The kind of an option of a wrapper, a server or a foreign table (or its column) that
    /// may hold a password, left out of its object's definition: named `"password" of server
    /// "s"`, never with its value. A plan cannot make it; it says so where it makes its object.
    public static let passwordOption = "option that may hold a password"

    /// Whether it belongs to the environment rather than to the schema: a setting, privilege or
    /// comment of the database itself, a subscription, a relation's tablespace. A plan of schema
    /// changes does not make it where only its target has it (a developer's database with
    /// `ALTER DATABASE dev SET timezone`), and is not refused for that: reading the target
    /// names it, as for any object the model does not represent.
    public var belongsToTheEnvironment: Bool {
        ["setting of the database", "privilege of the database", "subscription"].contains(kind)
            || kind == "comment" && name == "on the database" || kind.hasPrefix("tablespace ")
    }

    public static func < (lhs: UnmodelledObject, rhs: UnmodelledObject) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind.precedes(rhs.kind) : lhs.name.precedes(rhs.name)
    }
}

extension Array where Element == UnmodelledObject {
    /// `2 objects schemactl does not model: rule "r1" on "public"."t", range type "public"."r"`,
    /// every one named; nil when there are none.
    public var census: String? {
        guard !isEmpty else { return nil }
        let noun = count == 1 ? "object" : "objects"
        return "\(count) \(noun) schemactl does not model: " + map(\.description).joined(separator: ", ")
    }
}
