import PostgresClient
import SchemaModel

/// The SQL that reads an object's owner and its privileges beside the default.
///
/// `aclexplode` of the ACL, less `aclexplode` of the default (`acldefault` for
/// the object's type and owner, or what initdb gave it, from `pg_init_privs`:
/// the public schema's `USAGE` to PUBLIC is not the user's grant), and the
/// default's entries the ACL lacks, as revoked. Grantors are left out: who
/// granted is history, what may be done is schema. A NULL ACL is the default:
/// nothing is read for it.
enum PrivilegeSQL {
    /// A JSON array of `Privilege` (or NULL for none).
    ///
    /// - acl: the ACL column (`c.relacl`); owner: the owner column; type: the
    ///   `acldefault` letter as SQL (`'r'`, `'s'`, `'f'`, `'n'`, `'T'`, `'c'`);
    ///   initial: SQL for the initdb ACL or NULL.
    ///   `baseline` replaces the default where it is not `acldefault` (NULL: none at all).
    static func privileges(acl: String, owner: String, type: String, initial: String = "NULL", baseline: String? = nil) -> String {
        // What initdb gave, with its owner's entries given to the owner now: ALTER … OWNER
        // moves them (a production `public` owned by the application's role holds
        // `app=UC/app,=U/app`, which is initdb's `pg_database_owner=UC/…,=U/…`, nothing revoked).
        // In an initial ACL the owner granted every entry, its own too (grantee = grantor).
        let initialForOwner = """
            (SELECT pg_catalog.array_agg(pg_catalog.makeaclitem(CASE WHEN i.grantee = i.grantor THEN \(owner) ELSE i.grantee END,
                                                                 \(owner), i.privilege_type, i.is_grantable))
             FROM pg_catalog.aclexplode(\(initial)) i)
            """
        let baseline = baseline ?? (initial == "NULL"
            ? "pg_catalog.acldefault(\(type), \(owner))"
            : "coalesce(\(initialForOwner), pg_catalog.acldefault(\(type), \(owner)))")
        return """
            CASE WHEN \(acl) IS NOT NULL THEN (
              SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                       'grantee', CASE WHEN g.grantee = 0 THEN 'PUBLIC' WHEN g.grantee = \(owner) THEN NULL
                                       ELSE pg_catalog.pg_get_userbyid(g.grantee) END,
                       'privilege', g.privilege_type, 'withGrantOption', g.is_grantable, 'revoked', g.revoked)
                    )
              FROM ((SELECT a.grantee, a.privilege_type, a.is_grantable, false AS revoked FROM pg_catalog.aclexplode(\(acl)) a
                     EXCEPT SELECT d.grantee, d.privilege_type, d.is_grantable, false FROM pg_catalog.aclexplode(\(baseline)) d)
                    UNION ALL
                    (SELECT d.grantee, d.privilege_type, false, true FROM pg_catalog.aclexplode(\(baseline)) d
                     EXCEPT SELECT a.grantee, a.privilege_type, false, true FROM pg_catalog.aclexplode(\(acl)) a)) g)
            END
            """
    }

    static func owner(_ column: String) -> String { "pg_catalog.pg_get_userbyid(\(column))" }
}


extension Row {
    /// The `privileges` column written by `PrivilegeSQL.privileges`.
    func privileges() throws -> [Privilege] {
        // Sorted here, by role name: the query's order is by role oid, which differs between clusters.
        (try json("privileges", as: [Privilege].self) ?? []).sorted()
    }
}

extension Row {
    /// `value` with the `owner` and `privileges` columns of this row.
    func owned<T: OwnedObject>(_ value: T) throws -> T {
        var owned = value
        owned.owner = try optionalString("owner")
        owned.privileges = try privileges()
        return owned
    }
}
