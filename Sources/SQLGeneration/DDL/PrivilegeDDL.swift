import SchemaModel

/// GRANT and REVOKE from one set of privileges (beside PostgreSQL's defaults) to another.
enum PrivilegeDDL {
    /// Statements that turn `old` into `new` on `target` (`TABLE "s"."t"`,
    /// `FUNCTION "s"."f"(integer)`); `columns` for privileges on one column.
    /// Both lists are deviations from the default, so an object created with
    /// its defaults needs only `new` (with `old` empty).
    /// `schemaOwner`: for a schema's privileges, the schema's name. A schema the script
    /// did not make (`public`, owned by `pg_database_owner` from 15) need not be the running
    /// role's: what is granted to or revoked from its owner names the owner found at run time.
    static func statements(on target: String, from old: [Privilege], to new: [Privilege], column: String? = nil,
                           schemaOwner schema: String? = nil) -> [Statement] {
        guard let schema else { return statements(on: target, from: old, to: new, column: column, owner: "CURRENT_USER") }
        let marker = "\u{1}owner\u{1}"
        let owner = "(SELECT nspowner::pg_catalog.regrole FROM pg_catalog.pg_namespace WHERE nspname = \(SQLWriting.literal(schema)))"
        return statements(on: target, from: old, to: new, column: column, owner: marker).map { statement in
            guard statement.sql.contains(marker) else { return statement }
            // `format`'s `%s` takes the owner; a `%` of the statement's own is doubled.
            let template = statement.sql.components(separatedBy: marker).map { $0.replacingOccurrences(of: "%", with: "%%") }
                .joined(separator: "%s")
            return Statement("DO $schemactl$ BEGIN EXECUTE pg_catalog.format(\(SQLWriting.literal(template)), \(owner)); END $schemactl$")
        }
    }

    private static func statements(on target: String, from old: [Privilege], to new: [Privilege], column: String?, owner: String) -> [Statement] {
        let (oldSet, newSet) = (Set(old), Set(new))
        let columnList = column.map { " (" + SQLWriting.ident($0) + ")" } ?? ""
        var statements: [Statement] = []
        // Undo what is no longer wanted: a grant is revoked, a default that was revoked is given back.
        for privilege in old where !newSet.contains(privilege) {
            let who = privilege.grantee == nil ? owner : SQLWriting.role(privilege.grantee)
            if privilege.revoked {
                statements.append(Statement("GRANT \(privilege.privilege)\(columnList) ON \(target) TO \(who)"))
            } else if privilege.withGrantOption,
                      newSet.contains(Privilege(grantee: privilege.grantee, privilege: privilege.privilege)) {
                statements.append(Statement("REVOKE GRANT OPTION FOR \(privilege.privilege)\(columnList) ON \(target) FROM \(who)"))
            } else {
                statements.append(Statement("REVOKE \(privilege.privilege)\(columnList) ON \(target) FROM \(who)"))
            }
        }
        for privilege in new where !oldSet.contains(privilege) {
            let who = privilege.grantee == nil ? owner : SQLWriting.role(privilege.grantee)
            if privilege.revoked {
                statements.append(Statement("REVOKE \(privilege.privilege)\(columnList) ON \(target) FROM \(who)"))
            } else {
                statements.append(Statement("GRANT \(privilege.privilege)\(columnList) ON \(target) TO \(who)"
                                            + (privilege.withGrantOption ? " WITH GRANT OPTION" : "")))
            }
        }
        return statements
    }
}
