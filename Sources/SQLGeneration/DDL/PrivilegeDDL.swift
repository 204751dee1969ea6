import SQLText
import SchemaModel

/// GRANT and REVOKE from one set of privileges (beside PostgreSQL's defaults) to another.
enum PrivilegeDDL {
    /// Statements that turn `old` into `new` on `target` (`TABLE "s"."t"`,
    /// `FUNCTION "s"."f"(integer)`); `columns` for privileges on one column.
    /// Both lists are deviations from the default, so an object created with
    /// its defaults needs only `new` (with `old` empty).
    ///
    /// What is granted to or revoked from the object's owner names the owner the catalog
    /// holds when the statement runs, where the catalog can be asked by the target's own
    /// name (`ownerLookup`): the role running a plan need not own what it changes (a
    /// table owned by the application's role, `public` owned by `pg_database_owner` from
    /// 15), and `CURRENT_USER` would change nothing, or another role's privileges.
    static func statements(on target: String, from old: [Privilege], to new: [Privilege], column: String? = nil) -> [Statement] {
        guard let owner = ownerLookup(target) else {
            return statements(on: target, from: old, to: new, column: column, owner: "CURRENT_USER")
        }
        return ownerAtRunTime(on: target, old, new, column: column) { template in
            "DO $schemactl$ BEGIN EXECUTE pg_catalog.format(\(SQLWriting.literal(template)), \(owner)); END $schemactl$"
        }
    }

    /// A table's or view's privileges from `old` to `new`, then its columns' that a REVOKE on
    /// the whole table takes with it given back: the server's `REVOKE p ON TABLE` revokes `p`
    /// on every column too (`GRANT UPDATE (c)`, then `GRANT ALL`, then `REVOKE ALL` leaves no
    /// `UPDATE (c)`), and `REVOKE GRANT OPTION FOR p` the columns' grant option. `columns`:
    /// each column's privileges before and after; those that change are the columns' own
    /// statements to make (after these), those kept that a revoke reaches are granted again here.
    static func statements(onTable target: String, from old: [Privilege], to new: [Privilege],
                           columns: [(name: String, old: [Privilege], new: [Privilege])]) -> [Statement] {
        let (revoked, optionRevoked) = revokedOnTheTable(from: old, to: new)
        var statements = self.statements(on: target, from: old, to: new)
        guard !revoked.isEmpty || !optionRevoked.isEmpty else { return statements }
        for column in columns {
            let kept = Set(column.old)
            let reached = column.new.filter { privilege in
                let plain = Privilege(grantee: privilege.grantee, privilege: privilege.privilege)
                return kept.contains(privilege) && !privilege.revoked
                    && (revoked.contains(plain) || (privilege.withGrantOption && optionRevoked.contains(plain)))
            }
            if !reached.isEmpty { statements += self.statements(on: target, from: [], to: reached, column: column.name) }
        }
        return statements
    }

    /// What a table's privileges from `old` to `new` revoke (`revoked`), and of what they revoke
    /// the grant option only, each without its grant option: what they take from its columns too.
    static func revokedOnTheTable(from old: [Privilege], to new: [Privilege]) -> (revoked: Set<Privilege>, optionRevoked: Set<Privilege>) {
        var revoked: Set<Privilege> = [], optionRevoked: Set<Privilege> = []
        for change in changes(from: old, to: new) {
            switch change {
            case let .revoke(privilege): revoked.insert(Privilege(grantee: privilege.grantee, privilege: privilege.privilege))
            case let .revokeOption(privilege): optionRevoked.insert(Privilege(grantee: privilege.grantee, privilege: privilege.privilege))
            case .grant: break
            }
        }
        return (revoked, optionRevoked)
    }

    /// A function's or procedure's: its GRANT names it by a signature that may hold argument
    /// names (`f(a integer)`), which `regprocedure` does not read, so its owner is found by
    /// schema, name and identity arguments as the inspection read them, under an empty
    /// `search_path` (which prints its types as they were read) set back after.
    static func statements(on function: Function, from old: [Privilege], to new: [Privilege]) -> [Statement] {
        let lookup = "PERFORM pg_catalog.set_config('search_path', '', true); "
            + "SELECT p.proowner INTO owner FROM pg_catalog.pg_proc p WHERE p.pronamespace = "
            + "\(SQLWriting.literal(SQLWriting.ident(function.name.schema)))::pg_catalog.regnamespace "
            + "AND p.proname = \(SQLWriting.literal(function.name.name)) "
            + "AND pg_catalog.pg_get_function_identity_arguments(p.oid) = \(SQLWriting.literal(function.identityArguments)); "
            + "PERFORM pg_catalog.set_config('search_path', path, true); "
        return ownerAtRunTime(on: FunctionDDL.target(function), old, new, column: nil) { template in
            "DO $schemactl$ DECLARE path pg_catalog.text := pg_catalog.current_setting('search_path'); owner pg_catalog.regrole; "
                + "BEGIN \(lookup)EXECUTE pg_catalog.format(\(SQLWriting.literal(template)), owner); END $schemactl$"
        }
    }

    /// The statements on `target`, those granting to or revoking from its owner written by
    /// `block` from a `format` template whose `%s` is the owner.
    private static func ownerAtRunTime(on target: String, _ old: [Privilege], _ new: [Privilege], column: String?,
                                       block: (String) -> String) -> [Statement] {
        let marker = "\u{1}owner\u{1}"
        return statements(on: target, from: old, to: new, column: column, owner: marker).map { statement in
            guard statement.sql.contains(marker) else { return statement }
            // `format`'s `%s` takes the owner; a `%` of the statement's own is doubled.
            let template = statement.sql.components(separatedBy: marker).map { $0.replacingOccurrences(of: "%", with: "%%") }
                .joined(separator: "%s")
            return Statement(block(template))
        }
    }

    /// The query for the role owning `target` (`TABLE "s"."t"`), by the target's own name:
    /// through `regclass`, `regtype` or `regnamespace`, or a language's, foreign-data wrapper's
    /// or server's (not schema-qualified) in its catalog; nil for the other kinds (a function's
    /// is looked up by `statements(on:from:to:)` for functions).
    static func ownerLookup(_ target: String) -> String? {
        let byName: [(kind: String, catalog: String, owner: String, name: String)] = [
            ("LANGUAGE ", "pg_language", "lanowner", "lanname"),
            ("FOREIGN DATA WRAPPER ", "pg_foreign_data_wrapper", "fdwowner", "fdwname"),
            ("FOREIGN SERVER ", "pg_foreign_server", "srvowner", "srvname"),
        ]
        for entry in byName where target.hasPrefix(entry.kind) {
            guard let (name, rest) = SQLQuoting.readQuoted(target.dropFirst(entry.kind.count), quote: "\""), rest.isEmpty else { return nil }
            return "(SELECT o.\(entry.owner)::pg_catalog.regrole FROM pg_catalog.\(entry.catalog) o WHERE o.\(entry.name) = \(SQLWriting.literal(name)))"
        }
        guard let space = target.firstIndex(of: " ") else { return nil }
        let name = SQLWriting.literal(String(target[target.index(after: space)...]))
        switch target[..<space] {
        case "TABLE", "SEQUENCE":
            return "(SELECT c.relowner::pg_catalog.regrole FROM pg_catalog.pg_class c WHERE c.oid = \(name)::pg_catalog.regclass)"
        case "TYPE", "DOMAIN":
            return "(SELECT t.typowner::pg_catalog.regrole FROM pg_catalog.pg_type t WHERE t.oid = \(name)::pg_catalog.regtype)"
        case "SCHEMA":
            return "(SELECT n.nspowner::pg_catalog.regrole FROM pg_catalog.pg_namespace n WHERE n.oid = \(name)::pg_catalog.regnamespace)"
        default:
            return nil
        }
    }

    /// One GRANT or REVOKE of the way from `old` to `new`, the privilege as it is written
    /// (`revokeOption`: `REVOKE GRANT OPTION FOR`; `revoke`/`grant` of a default privilege the
    /// model holds as revoked gives it back or takes it).
    private enum Change {
        case grant(Privilege), revoke(Privilege), revokeOption(Privilege)
    }

    /// The changes from `old` to `new`, in the order they run: what is no longer wanted undone
    /// (a grant revoked, a default that was revoked given back), then what is new.
    private static func changes(from old: [Privilege], to new: [Privilege]) -> [Change] {
        let (oldSet, newSet) = (Set(old), Set(new))
        var changes: [Change] = []
        for privilege in old where !newSet.contains(privilege) {
            if privilege.revoked {
                changes.append(.grant(privilege))
            } else if privilege.withGrantOption,
                      privilege.grantee == nil || newSet.contains(Privilege(grantee: privilege.grantee, privilege: privilege.privilege)) {
                // Only the grant option goes where the privilege stays: granted in `new`, or the
                // owner's (its default holds every privilege, without the option written out;
                // `GRANT … TO owner WITH GRANT OPTION` writes it). A REVOKE would take the
                // owner's own privilege.
                changes.append(.revokeOption(privilege))
            } else {
                changes.append(.revoke(privilege))
            }
        }
        for privilege in new where !oldSet.contains(privilege) {
            changes.append(privilege.revoked ? .revoke(privilege) : .grant(privilege))
        }
        return changes
    }

    private static func statements(on target: String, from old: [Privilege], to new: [Privilege], column: String?, owner: String) -> [Statement] {
        let columnList = column.map { " (" + SQLWriting.ident($0) + ")" } ?? ""
        let who = { (privilege: Privilege) in privilege.grantee == nil ? owner : SQLWriting.role(privilege.grantee) }
        return changes(from: old, to: new).map { change in
            switch change {
            case let .grant(privilege):
                return Statement("GRANT \(privilege.privilege)\(columnList) ON \(target) TO \(who(privilege))"
                                 + (privilege.withGrantOption && !privilege.revoked ? " WITH GRANT OPTION" : ""))
            case let .revoke(privilege):
                return Statement("REVOKE \(privilege.privilege)\(columnList) ON \(target) FROM \(who(privilege))")
            case let .revokeOption(privilege):
                return Statement("REVOKE GRANT OPTION FOR \(privilege.privilege)\(columnList) ON \(target) FROM \(who(privilege))")
            }
        }
    }
}
