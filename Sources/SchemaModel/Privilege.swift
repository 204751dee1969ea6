import SQLText

/// One privilege on an object that differs from what PostgreSQL gives by
/// default (`acldefault`: everything to the owner; `EXECUTE` on functions
/// and `USAGE` on types to `PUBLIC`): a grant beyond it, or a default revoked.
///
/// An object with only its default privileges has none, whether its ACL is
/// NULL or was written out by a GRANT and REVOKE that cancelled. The owner is
/// nil, not a role name: owners differ between environments (`app` in
/// production, `postgres` on a laptop) while "the owner may do everything" does not.
public struct Privilege: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A role, `PUBLIC`, or nil for the object's owner.
    public var grantee: String?
    /// `SELECT`, `INSERT`, `EXECUTE`, `USAGE`, … as `aclexplode` names them.
    public var privilege: String
    public var withGrantOption: Bool
    /// A privilege the default gives that was revoked.
    public var revoked: Bool

    public init(grantee: String?, privilege: String, withGrantOption: Bool = false, revoked: Bool = false) {
        self.grantee = grantee
        self.privilege = privilege
        self.withGrantOption = withGrantOption
        self.revoked = revoked
    }

    /// `SELECT to "reader"`, `UPDATE to "reader" with grant option`, `EXECUTE revoked from PUBLIC`.
    public var description: String {
        let who = grantee.map { $0 == "PUBLIC" ? $0 : "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" } ?? "the owner"
        if revoked { return "\(privilege) revoked from \(who)" }
        return "\(privilege) to \(who)" + (withGrantOption ? " with grant option" : "")
    }

    public static func < (lhs: Privilege, rhs: Privilege) -> Bool {
        if lhs.revoked != rhs.revoked { return !lhs.revoked }
        if lhs.grantee != rhs.grantee { return (lhs.grantee ?? "").precedes(rhs.grantee ?? "") }
        if lhs.privilege != rhs.privilege { return lhs.privilege.precedes(rhs.privilege) }
        return !lhs.withGrantOption && rhs.withGrantOption
    }
}
