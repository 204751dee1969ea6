import SQLText
import SchemaModel

/// A foreign table changed in place (`ALTER FOREIGN TABLE`): its columns, checks and options,
/// and the triggers, comments and column grants its definition carries. Made again, it took
/// every view over it with it, for an option changed; pgAdmin's foreign table cases change
/// all three.
enum ForeignTableDDL {
    /// The statements that turn `old` into `new`, or nil where only a new table will do: another
    /// server, other parents or partition bounds, a generated column changed, columns in an
    /// order `ADD COLUMN` cannot give (it appends), a partition's own checks or what an
    /// inherited column has of its own changed, or a definition it cannot read.
    static func alter(_ old: DefinedObject, _ new: DefinedObject) -> [Statement]? {
        guard let was = ForeignTableDefinition(old.definition), let now = ForeignTableDefinition(new.definition),
              was.words == now.words, was.written == now.written, let target = DefinedObjectDDL.target(new) else { return nil }
        let kept = was.columns.filter { now.column($0.name) != nil }
        guard now.columns.prefix(kept.count).map(\.name) == kept.map(\.name) else { return nil }
        for column in kept where column.generated != nil || now.column(column.name)!.generated != nil {
            let after = now.column(column.name)!
            guard column.generated == after.generated, column.type == after.type else { return nil }
        }
        let extras = (was: ForeignTableDefinition.Extras(was), now: ForeignTableDefinition.Extras(now))
        // A column with options under one name before and another after (renamed in its parent,
        // which carries its options over): made again, as ADD would find them there.
        let optioned = (was: Set(extras.was.columnOptions.keys), now: Set(extras.now.columnOptions.keys))
        guard extras.was.others == extras.now.others,
              optioned.was.isSubset(of: optioned.now) || optioned.now.isSubset(of: optioned.was) else { return nil }
        let alter = { (action: String) in Statement("ALTER \(target) \(action)") }
        let column = { (name: String) in "COLUMN " + SQLWriting.ident(name) }

        // What goes or changes: triggers, grants, checks (those reading a column that goes or
        // changes type too, which the server would have to read again), then columns.
        let dropped = was.columns.filter { now.column($0.name) == nil }.map(\.name)
        let retyped = kept.filter { now.column($0.name)!.type != $0.type }.map(\.name)
        let touched = dropped + retyped
        let checksOut = was.checks.filter { check in
            now.check(check.name) != check.definition || touched.contains { Planner.mentions(check.definition, $0) }
        }
        let checksIn = now.checks.filter { check in was.check(check.name) != check.definition || checksOut.contains { $0.name == check.name } }
        let triggersOut = extras.was.triggers.filter { extras.now.triggers[$0.key] != $0.value }.keys.sorted()
        let triggersIn = extras.now.triggers.filter { extras.was.triggers[$0.key] != $0.value }.keys.sorted()
        var statements = triggersOut.map { Statement("DROP TRIGGER \($0) ON \(target.dropFirst("FOREIGN TABLE ".count))") }
        for (grant, grantable) in extras.was.grants.sorted(by: { $0.key < $1.key }) {
            guard !dropped.contains(where: { was.column($0)?.written == extras.was.grantColumns[grant] }) else { continue }
            if extras.now.grants[grant] == nil {
                statements.append(Statement(ForeignTableDefinition.Extras.revoke(grant)))
            } else if grantable, extras.now.grants[grant] == false {
                statements.append(Statement(ForeignTableDefinition.Extras.revoke(grant, grantOptionOnly: true)))
            }
        }
        statements += checksOut.map { alter("DROP CONSTRAINT \(SQLWriting.ident($0.name))") }
        statements += dropped.map { alter("DROP \(column($0))") }
        for before in kept {
            let after = now.column(before.name)!
            var previousDefault = before.defaultExpression
            if after.type != before.type {
                // A default that may not cast to the new type goes first, and is set again after.
                if previousDefault != nil { statements.append(alter("ALTER \(column(after.name)) DROP DEFAULT")) }
                previousDefault = nil
                statements.append(alter("ALTER \(column(after.name)) TYPE \(after.type)"))
            }
            if after.defaultExpression != previousDefault {
                statements.append(alter("ALTER \(column(after.name)) " + (after.defaultExpression.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT")))
            }
            if after.notNull != before.notNull { statements.append(alter("ALTER \(column(after.name)) \(after.notNull ? "SET" : "DROP") NOT NULL")) }
            if let options = OptionedDefinition.clause(from: before.options, to: after.options) {
                statements.append(alter("ALTER \(column(after.name)) \(options)"))
            }
        }
        // A partition's or a child's column options, in place. A column that loses them all may
        // have gone with its parent's (dropped before, in the parent's own changes): its options
        // are dropped where it is still there.
        for name in optioned.was.union(optioned.now).sorted() {
            guard let clause = OptionedDefinition.clause(from: extras.was.columnOptions[name] ?? [], to: extras.now.columnOptions[name] ?? [])
            else { continue }
            let statement = "ALTER \(target) ALTER COLUMN \(name) \(clause)"
            guard extras.now.columnOptions[name] == nil else {
                statements.append(Statement(statement))
                continue
            }
            let column = name.first == "\"" ? SQLQuoting.readQuoted(Substring(name), quote: "\"")?.value ?? name : name
            let table = target.dropFirst("FOREIGN TABLE ".count)
            let present = """
                EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = \(SQLWriting.literal(String(table)))::pg_catalog.regclass
                               AND attname = \(SQLWriting.literal(column)) AND NOT attisdropped)
                """
            statements.append(Statement(SQLWriting.onlyWhere(present, [statement])))
        }
        for added in now.columns.dropFirst(kept.count) {
            var definition = "ADD \(column(added.name)) \(added.type)"
            if !added.options.isEmpty { definition += " OPTIONS (\(added.options.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))" }
            if added.notNull { definition += " NOT NULL" }
            if let expression = added.defaultExpression { definition += " DEFAULT \(expression)" }
            if let generated = added.generated { definition += " \(generated)" }
            statements.append(alter(definition))
        }
        statements += checksIn.map { alter("ADD CONSTRAINT \(SQLWriting.ident($0.name)) \($0.definition)") }
        if let options = OptionedDefinition.clause(from: was.options, to: now.options) { statements.append(alter(options)) }

        // What comes or changes: triggers with their firing state, grants, comments.
        for trigger in extras.now.triggers.keys.sorted() {
            let made = triggersIn.contains(trigger)
            if made { statements.append(Statement(extras.now.triggers[trigger]!)) }
            let state = extras.now.states[trigger]
            if made ? state != nil : state != extras.was.states[trigger] {
                statements.append(state.map { Statement($0) } ?? alter("ENABLE TRIGGER \(trigger)"))
            }
        }
        for (grant, grantable) in extras.now.grants.sorted(by: { $0.key < $1.key }) where extras.was.grants[grant] != grantable {
            if !grantable, extras.was.grants[grant] == true { continue }
            statements.append(Statement(grant + (grantable ? " WITH GRANT OPTION" : "")))
        }
        // A comment on what was made again (a trigger, a check) went with it.
        let remade = Set(triggersIn.map { "TRIGGER \($0) ON \(now.written)" } + checksIn.map { "CONSTRAINT \($0.written) ON \(now.written)" })
        let gone = Set(triggersOut.map { "TRIGGER \($0) ON \(was.written)" } + checksOut.map { "CONSTRAINT \($0.written) ON \(was.written)" }
            + dropped.compactMap { name in was.column(name).map { "COLUMN \(was.written).\($0.written)" } })
        for subject in extras.was.comments.keys.sorted()
        where extras.now.comments[subject] == nil && !gone.contains(subject) {
            statements.append(Statement("COMMENT ON \(subject) IS NULL"))
        }
        for (subject, text) in extras.now.comments.sorted(by: { $0.key < $1.key })
        where extras.was.comments[subject] != text || remade.contains(subject) {
            statements.append(Statement(text))
        }
        return statements
    }

    /// The column grants of `table`'s definition that its privileges' change from `old` takes with
    /// it, given again after it: the server's `REVOKE p ON TABLE` revokes `p` on every column too
    /// (as `PrivilegeDDL.statements(onTable:…)` gives back a table's), and the definition's
    /// grants, new or kept, come before the table's privileges.
    static func columnGrantsRevokedWithTheTable(_ table: DefinedObject, from old: [Privilege]) -> [Statement] {
        let (revoked, optionRevoked) = PrivilegeDDL.revokedOnTheTable(from: old, to: table.privileges)
        guard !revoked.isEmpty || !optionRevoked.isEmpty, let definition = ForeignTableDefinition(table.definition) else { return [] }
        let grants = ForeignTableDefinition.Extras(definition).grants
        return grants.keys.sorted().compactMap { grant in
            guard let (privilege, grantee) = ForeignTableDefinition.Extras.privilegeAndGrantee(of: grant) else { return nil }
            let reaches = { (set: Set<Privilege>) in set.contains { $0.privilege == privilege && ($0.grantee ?? table.owner) == grantee } }
            guard reaches(revoked) || (grants[grant]! && reaches(optionRevoked)) else { return nil }
            return Statement(grant + (grants[grant]! ? " WITH GRANT OPTION" : ""))
        }
    }

    /// The columns `alter` drops or retypes: the views over the table cannot stay over them.
    /// Asked only of a table altered in place (one made again takes its readers with it).
    static func changedColumns(_ old: DefinedObject, _ new: DefinedObject) -> Set<String> {
        guard let was = ForeignTableDefinition(old.definition), let now = ForeignTableDefinition(new.definition) else { return [] }
        return Set(was.columns.filter { column in now.column(column.name).map { $0.type != column.type } ?? true }.map(\.name))
    }
}
