/// A domain: a base type with a default, NOT NULL and checks.
public struct Domain: Codable, Hashable, Sendable {
    public var name: QualifiedName
    /// As `format_type` gives it.
    public var baseType: String
    public var defaultExpression: String?
    public var notNull: Bool
    /// The name of the NOT NULL constraint (PostgreSQL 17 keeps one) where it is not the one the
    /// server gives (`domain_not_null`): `CONSTRAINT name NOT NULL`, or a domain renamed since.
    public var notNullName: String? = nil
    public var collation: String?
    /// Named CHECK constraints, by name.
    public var checks: [NamedCheck]
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []

    public init(name: QualifiedName, baseType: String, defaultExpression: String? = nil, notNull: Bool = false,
                collation: String? = nil, checks: [NamedCheck] = [], comment: String? = nil) {
        self.name = name
        self.baseType = baseType
        self.defaultExpression = defaultExpression
        self.notNull = notNull
        self.collation = collation
        self.checks = checks
        self.comment = comment
    }
}

/// A named CHECK as `pg_get_constraintdef` deparses it (`CHECK ((VALUE > 0))`).
public struct NamedCheck: Codable, Hashable, Sendable {
    public var name: String
    public var definition: String
    public var validated: Bool
    public var comment: String?

    public init(name: String, definition: String, validated: Bool = true, comment: String? = nil) {
        self.name = name
        self.definition = definition
        self.validated = validated
        self.comment = comment
    }
}
