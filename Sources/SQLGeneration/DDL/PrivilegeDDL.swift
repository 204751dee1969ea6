import SchemaModel

/// GRANT and REVOKE from one set of privileges (beside PostgreSQL's defaults) to another.
enum PrivilegeDDL {
    /// Statements that turn `old` into `new` on `target` (`TABLE "s"."t"`,
    /// `FUNCTION "s"."f"(integer)`); `columns` for privileges on one column.
    /// Both lists are deviations from the default, so an object created with
    /// its defaults needs only `new` (with `old` empty).
    static func statements(on target: String, from old: [Privilege], to new: [Privilege], column: String? = nil) -> [Statement] {
        let (oldSet, newSet) = (Set(old), Set(new))
        let columnList = column.map { " (" + SQLWriting.ident($0) + ")" } ?? ""
        var statements: [Statement] = []
        // Undo what is no longer wanted: a grant is revoked, a default that was revoked is given back.
        for privilege in old where !newSet.contains(privilege) {
            let who = SQLWriting.role(privilege.grantee)
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
            let who = SQLWriting.role(privilege.grantee)
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
