/// A row-level security policy.
public struct Policy: Codable, Hashable, Sendable {
    public var name: String
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`.
    public var command: String
    public var permissive: Bool
    /// Role names, sorted; `public` for everyone.
    public var roles: [String]
    public var using: String?
    public var withCheck: String?
    public var comment: String?

    public init(name: String, command: String, permissive: Bool = true, roles: [String] = ["public"], using: String? = nil,
                withCheck: String? = nil, comment: String? = nil) {
        self.name = name
        self.command = command
        self.permissive = permissive
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
        self.comment = comment
    }
}
