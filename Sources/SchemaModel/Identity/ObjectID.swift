import SQLText

/// Which object: its kind, its schema-qualified name, the table or view it
/// belongs to (for a column, constraint, index, trigger or policy) and, for a
/// function or procedure, its identity arguments (overloads share a name).
///
/// Two models' objects are the same object when their IDs are equal: this is
/// what the diff matches on.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let kind: ObjectKind
    /// nil for a schema or an extension (they are not in a schema).
    public let schema: String?
    /// The object's own name: the column's, the index's, the function's.
    public let name: String
    /// For a member: its table or view, and that object's kind.
    public let owner: String?
    public let ownerKind: ObjectKind?
    /// For a function or procedure: `pg_get_function_identity_arguments`.
    public let signature: String?

    public init(kind: ObjectKind, schema: String?, name: String, owner: String? = nil, ownerKind: ObjectKind? = nil,
                signature: String? = nil) {
        self.kind = kind
        self.schema = schema
        self.name = name
        self.owner = owner
        self.ownerKind = ownerKind
        self.signature = signature
    }

    /// A top-level object named `schema.name`.
    public init(_ kind: ObjectKind, _ name: QualifiedName) {
        self.init(kind: kind, schema: name.schema, name: name.name)
    }

    /// `name` on the table or view `owner`.
    public init(_ kind: ObjectKind, _ name: String, on owner: ObjectID) {
        self.init(kind: kind, schema: owner.schema, name: name, owner: owner.name, ownerKind: owner.kind)
    }

    /// The table or view a member belongs to.
    public var parent: ObjectID? {
        guard let owner, let ownerKind else { return nil }
        return ObjectID(kind: ownerKind, schema: schema, name: owner)
    }

    /// As reports show it, every name quoted: `"public"."users"`,
    /// `"public"."users"."email"`, `"users_pkey" on "public"."users"`, `"public"."f"(integer)`.
    public var sql: String {
        let qualified = schema.map { SQLQuoting.qualified($0, name) } ?? SQLQuoting.identifier(name)
        switch kind {
        case .schema, .extension:
            return SQLQuoting.identifier(name)
        case .enum, .domain, .compositeType, .sequence, .table, .view, .materializedView:
            return qualified
        case .function, .procedure:
            return qualified + "(" + (signature ?? "") + ")"
        case .column:
            return (parent?.sql ?? "") + "." + SQLQuoting.identifier(name)
        case .constraint, .index, .trigger, .policy, .rule:
            return SQLQuoting.identifier(name) + " on " + (parent?.sql ?? "")
        case .collation, .rangeType, .shellType, .baseType, .conversion, .textSearchParser, .textSearchTemplate, .textSearchDictionary,
             .textSearchConfiguration, .foreignTable, .statistics:
            return qualified
        case .aggregate:
            return qualified + "(" + (signature ?? "") + ")"
        case .operatorFamily, .operatorClass:
            return qualified + " USING " + (signature ?? "")
        case .operator:
            // An operator's name is its symbol: never quoted.
            return (schema.map { SQLQuoting.identifier($0) + "." } ?? "") + name + "(" + (signature ?? "") + ")"
        case .language, .accessMethod, .foreignDataWrapper, .foreignServer, .eventTrigger, .publication:
            return SQLQuoting.identifier(name)
        case .cast, .transform, .userMapping, .defaultPrivileges, .securityLabel, .systemPrivileges:
            return name // a description, quoted where it names
        }
    }

    public var description: String { kind.displayName + " " + sql }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.sql.precedes(rhs.sql)
    }
}
