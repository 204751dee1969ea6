import Foundation
import SQLText
import SchemaModel

/// The kinds the model holds by definition: their statements as read, a
/// comment and grants, and a drop written from the identity.
enum DefinedObjectDDL {
    /// The words that name the object in COMMENT, GRANT and DROP (`OPERATOR FAMILY "s"."f" USING btree`);
    /// nil for the kinds that have none (user mappings, default privileges).
    static func target(_ object: DefinedObject) -> String? {
        let qualified = object.schema.map { SQLQuoting.qualified($0, object.name) } ?? SQLQuoting.identifier(object.name)
        switch object.kind {
        case .rule: return object.table.map { "RULE \(SQLQuoting.identifier(object.name)) ON \($0.sql)" }
        case .statistics: return "STATISTICS \(qualified)"
        case .aggregate:
            // An aggregate of no argument is named `agg(*)`: the grammar has no `agg()`.
            let arguments = object.signature.flatMap { $0.isEmpty ? nil : $0 } ?? "*"
            return "AGGREGATE \(qualified)(\(arguments))"
        case .rangeType, .shellType, .baseType: return "TYPE \(qualified)"
        case .collation: return "COLLATION \(qualified)"
        case .operator:
            return "OPERATOR \(object.schema.map { SQLQuoting.identifier($0) + "." } ?? "")\(object.name) (\(object.signature ?? ""))"
        case .operatorFamily: return "OPERATOR FAMILY \(qualified) USING \(object.signature ?? "btree")"
        case .operatorClass: return "OPERATOR CLASS \(qualified) USING \(object.signature ?? "btree")"
        case .cast: return "CAST \(object.name)"
        case .transform: return "TRANSFORM \(object.name)"
        case .conversion: return "CONVERSION \(qualified)"
        case .language: return "LANGUAGE \(qualified)"
        case .accessMethod: return "ACCESS METHOD \(qualified)"
        case .textSearchParser: return "TEXT SEARCH PARSER \(qualified)"
        case .textSearchTemplate: return "TEXT SEARCH TEMPLATE \(qualified)"
        case .textSearchDictionary: return "TEXT SEARCH DICTIONARY \(qualified)"
        case .textSearchConfiguration: return "TEXT SEARCH CONFIGURATION \(qualified)"
        case .foreignDataWrapper: return "FOREIGN DATA WRAPPER \(qualified)"
        case .foreignServer: return "SERVER \(qualified)"
        case .foreignTable: return "FOREIGN TABLE \(qualified)"
        case .eventTrigger: return "EVENT TRIGGER \(qualified)"
        case .publication: return "PUBLICATION \(qualified)"
        case .userMapping, .defaultPrivileges, .securityLabel, .systemPrivileges: return nil
        case .schema, .extension, .enum, .domain, .compositeType, .sequence, .table, .column, .constraint, .index, .trigger,
             .policy, .view, .materializedView, .function, .procedure:
            return nil
        }
    }

    /// What GRANT calls the object, where it differs from COMMENT's word.
    private static func grantTarget(_ object: DefinedObject) -> String? {
        guard let target = target(object) else { return nil }
        switch object.kind {
        case .foreignServer: return "FOREIGN " + target
        case .foreignTable: return "TABLE " + target.dropFirst("FOREIGN TABLE ".count)
        case .rangeType, .shellType, .baseType, .language, .foreignDataWrapper: return target
        default: return nil
        }
    }

    /// The statements that change `old` into `new` in place, or nil where it must be made again.
    /// Text search configurations and dictionaries (`TextSearchDDL`); an operator whose
    /// estimators alone change, and a base type whose support functions or storage alone
    /// change: dropping them would take the operator classes, functions and columns that use
    /// them (contrib's cube moved `>=` to `scalargesel`, hstore 1.8 added a SUBSCRIPT). A
    /// publication's tables and options (`PublicationDDL`). A foreign table's columns, checks
    /// and options (`ForeignTableDDL`).
    /// `unlinked`: its settings gone were set to NONE before the drops (`unlink`), not again here.
    static func alter(_ old: DefinedObject, _ new: DefinedObject, unlinked: Bool = false, givenBack: [QualifiedName] = []) -> [Statement]? {
        switch new.kind {
        case .textSearchConfiguration, .textSearchDictionary: return TextSearchDDL.alter(old, new)
        case .publication: return PublicationDDL.alter(old, new, givenBack: givenBack)
        case .foreignDataWrapper, .foreignServer: return ForeignServerDDL.alter(old, new)
        case .foreignTable: return ForeignTableDDL.alter(old, new)
        case .language:
            // Its handlers and whether it is trusted: `CREATE OR REPLACE` keeps its owner, its
            // grants and the functions written in it, which a drop would take.
            guard new.definition.hasPrefix("CREATE ") else { return nil }
            return [Statement("CREATE OR REPLACE " + new.definition.dropFirst("CREATE ".count))]
        case .eventTrigger:
            // Its firing state alone (the line after its CREATE): set in place.
            guard old.definition.split(separator: "\n").first == new.definition.split(separator: "\n").first else { return nil }
            return [firingState(of: new)]
        case .operator, .baseType:
            guard let was = clauses(old.definition), let now = clauses(new.definition), let target = target(new) else { return nil }
            // A base type's storage may leave plain (the server asks a superuser), never go back to it.
            if new.kind == .baseType, now["STORAGE"] == "plain", was["STORAGE"] != "plain" { return nil }
            return alterSettings(was, now, settable: settable(new.kind), target: target, unlinked: unlinked)
        default: return nil
        }
    }

    /// An event trigger's firing state as its definition has it: its own `ALTER EVENT TRIGGER …
    /// DISABLE` (or `ENABLE REPLICA`, `ENABLE ALWAYS`) line, or `ENABLE` where it has none.
    static func firingState(of trigger: DefinedObject) -> Statement {
        let state = trigger.definition.split(separator: "\n").dropFirst().first.map { SQLWriting.trimmedStatement(String($0)) }
        return Statement(state ?? "ALTER EVENT TRIGGER \(SQLWriting.ident(trigger.name)) ENABLE")
    }

    /// What `ALTER OPERATOR … SET` and `ALTER TYPE … SET` can change.
    private static func settable(_ kind: ObjectKind) -> Set<String> {
        switch kind {
        case .operator: return ["RESTRICT", "JOIN"]
        case .baseType: return ["RECEIVE", "SEND", "TYPMOD_IN", "TYPMOD_OUT", "ANALYZE", "SUBSCRIPT", "STORAGE"]
        default: return []
        }
    }

    /// `ALTER … SET (KEY = NONE)` for the settings `new` no longer has (a base type's SUBSCRIPT
    /// whose function goes): run before the drops, so the function can go.
    static func unlink(_ old: DefinedObject, _ new: DefinedObject) -> [Statement] {
        guard let was = clauses(old.definition), let now = clauses(new.definition), let target = target(new) else { return [] }
        let gone = settable(new.kind).filter { was[$0] != nil && now[$0] == nil }.sorted()
        return gone.isEmpty ? [] : [Statement("ALTER \(target) SET (\(gone.map { "\($0) = NONE" }.joined(separator: ", ")))")]
    }

    /// `ALTER … SET (KEY = value, …)` for the `settable` clauses that differ, when the two
    /// definitions differ in nothing else; a clause gone is set to NONE.
    private static func alterSettings(_ was: [String: String], _ now: [String: String], settable: Set<String>, target: String,
                                      unlinked: Bool) -> [Statement]? {
        guard was.filter({ !settable.contains($0.key) }) == now.filter({ !settable.contains($0.key) }) else { return nil }
        let settings = settable.sorted().filter { was[$0] != now[$0] && !(unlinked && now[$0] == nil) }.map { "\($0) = \(now[$0] ?? "NONE")" }
        return settings.isEmpty ? [] : [Statement("ALTER \(target) SET (\(settings.joined(separator: ", ")))")]
    }

    /// The clauses of `CREATE OPERATOR name (KEY = value, …, HASHES);` (or of a base type) as
    /// key to value, "" for a flag; commas inside parentheses and quotes do not split.
    private static func clauses(_ definition: String) -> [String: String]? {
        guard let open = definition.firstIndex(of: "("), let close = definition.lastIndex(of: ")"), open < close else { return nil }
        var clauses: [String: String] = [:]
        for clause in SQLWriting.topLevelList(definition[definition.index(after: open)..<close]) {
            if let equals = clause.range(of: " = ") {
                clauses[String(clause[..<equals.lowerBound])] = String(clause[equals.upperBound...])
            } else if !clause.isEmpty {
                clauses[clause] = ""
            }
        }
        return clauses
    }

    /// An operator's or function's places in the operator families that stay, given back after it
    /// is made again: dropping it took them without a word (the families' `ALTER OPERATOR FAMILY
    /// … ADD OPERATOR|FUNCTION` lines that name it, as `regoperator` and `regprocedure` print it).
    static func familyPlaces(of id: ObjectID, in model: ModelIndex, except: Set<ObjectID>) -> [Statement] {
        guard let schema = id.schema, let signature = id.signature else { return [] }
        let name = " \(SQLWriting.identPlain(schema)).\(id.name)("
        // Each line's argument types, against the operator's (`integer, integer`) or the function's
        // identity arguments (`a integer, OUT b text`: a type after its name, OUT ones left out).
        let arguments = signature.isEmpty ? [] : signature.components(separatedBy: ", ").filter { !$0.hasPrefix("OUT ") }
        func names(_ line: String) -> Bool {
            guard let start = line.range(of: name), let end = line.range(of: ")", options: .backwards), start.upperBound <= end.lowerBound,
                  line[end.upperBound...] == ";" || line[end.upperBound...].hasPrefix(" FOR ") else { return false }
            let inner = line[start.upperBound..<end.lowerBound]
            let types = inner.isEmpty ? [] : inner.split(separator: ",").map(String.init)
            return types.count == arguments.count && zip(arguments, types).allSatisfy { $0 == $1 || $0.hasSuffix(" " + $1) }
        }
        let kinds: Set<ObjectKind> = [.operatorFamily, .operatorClass]
        let member = id.kind == .operator ? " ADD OPERATOR " : " ADD FUNCTION "
        var places: [Statement] = []
        for family in model.model.definedObjects where kinds.contains(family.kind) && !except.contains(family.id) {
            for line in family.definition.split(separator: "\n").map(String.init)
            where line.hasPrefix("ALTER OPERATOR FAMILY ") && line.contains(member) && names(line) {
                places.append(Statement(SQLWriting.trimmedStatement(line)))
            }
        }
        return places
    }

    static func create(_ object: DefinedObject, guarded: Bool) -> [Statement] {
        var statements = [Statement(guarded && ![.defaultPrivileges, .securityLabel, .systemPrivileges].contains(object.kind)
                                    ? SQLWriting.ignoringDuplicate(object.definition) : SQLWriting.trimmedStatement(object.definition))]
        if let comment = object.comment, let target = target(object) {
            statements.append(SQLWriting.comment(on: target, comment))
        }
        return statements + privileges(of: object, from: [])
    }

    /// GRANT and REVOKE from `old` to the object's own privileges (default privileges carry theirs in their definition).
    static func privileges(of object: DefinedObject, from old: [Privilege]) -> [Statement] {
        guard object.kind != .defaultPrivileges, let target = grantTarget(object) else { return [] }
        return PrivilegeDDL.statements(on: target, from: old, to: object.privileges)
            + (object.kind == .foreignTable ? ForeignTableDDL.columnGrantsRevokedWithTheTable(object, from: old) : [])
    }

    /// Statements of `GRANT … TO …;` and `REVOKE … FROM …;` lines (each perhaps after a head,
    /// `ALTER DEFAULT PRIVILEGES FOR ROLE r`), each undone: a GRANT by a REVOKE, a REVOKE by a
    /// GRANT. The grantee is after the line's last `TO` or `FROM`.
    static func undoingGrants(_ definition: String) -> Statement {
        let undone = definition.split(separator: "\n").map { line -> String in
            let text = String(line).replacingOccurrences(of: " WITH GRANT OPTION", with: "")
            for (verb, other, preposition, opposite) in [("GRANT ", "REVOKE ", " TO ", " FROM "), ("REVOKE ", "GRANT ", " FROM ", " TO ")] {
                guard let at = text.hasPrefix(verb) ? text.range(of: verb) : text.range(of: " " + verb).map({ text.index(after: $0.lowerBound)..<$0.upperBound }),
                      let grantee = text.range(of: preposition, options: .backwards), grantee.lowerBound > at.upperBound else { continue }
                return text[..<at.lowerBound] + other + text[at.upperBound..<grantee.lowerBound] + opposite + text[grantee.upperBound...]
            }
            return text
        }
        return Statement(SQLWriting.trimmedStatement(undone.joined(separator: "\n")))
    }

    /// `statement` (its lines, each one statement) run only where the role running the plan is
    /// `role`: a DO block that asks `current_user`.
    static func asRole(_ role: String?, _ statement: Statement) -> Statement {
        guard let role else { return statement }
        let lines = statement.sql.split(separator: "\n").map { line in
            "EXECUTE \(SQLWriting.literal(SQLWriting.trimmedStatement(line.trimmingCharacters(in: .whitespaces))))"
        }
        var guarded = statement
        guarded.sql = SQLWriting.onlyWhere("current_user = \(SQLWriting.literal(role))", lines) + ";"
        return guarded
    }

    static func drop(_ object: DefinedObject) -> Statement {
        switch object.kind {
        case .defaultPrivileges, .systemPrivileges:
            // Back to the default, or to what initdb or the extension gave.
            return undoingGrants(object.definition)
        case .userMapping:
            // `for "app" on server "s"`.
            let words = object.name.dropFirst("for ".count)
            let parts = words.components(separatedBy: " on server ")
            // Its options (a password, often) were never read: gone with it, and no plan can give
            // them back, so the drop is data loss (refused unless --allow-destructive).
            return Statement("DROP USER MAPPING IF EXISTS FOR \(parts.first ?? "PUBLIC") SERVER \(parts.last ?? "")",
                             hazards: [.dataLoss("user mapping \(object.name) and its options")])
        case .transform:
            return Statement("DROP TRANSFORM IF EXISTS \(object.name)")
        case .securityLabel:
            return Statement("SECURITY LABEL \(object.name) IS NULL")
        case .operatorClass where !(object.definition.components(separatedBy: " AS ").first ?? "").contains(" FAMILY "):
            // CREATE OPERATOR CLASS made a family of its name, which the model holds as the
            // class's (with its loose members); DROP OPERATOR CLASS leaves it behind, to keep
            // its schema from being dropped. It goes too, once no class is left in it.
            let family = target(object)?.dropFirst("OPERATOR CLASS ".count) ?? ""
            return Statement("""
                DO $schemactl$ BEGIN
                  DROP OPERATOR CLASS IF EXISTS \(family);
                  IF NOT EXISTS (SELECT FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
                                 JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod
                                 WHERE f.opfname = \(SQLQuoting.literal(object.name)) AND n.nspname = \(SQLQuoting.literal(object.schema ?? ""))
                                   AND a.amname = \(SQLQuoting.literal(object.signature ?? "btree"))) THEN
                    DROP OPERATOR FAMILY IF EXISTS \(family);
                  END IF;
                END $schemactl$
                """)
        case .baseType:
            // Its input and output functions depend on it as it depends on them: they go with it.
            return Statement("DROP TYPE IF EXISTS \(target(object)?.dropFirst("TYPE ".count) ?? "") CASCADE")
        default:
            guard let target = target(object) else { return Statement("SELECT 1") }
            // `DROP RULE IF EXISTS r ON t`: IF EXISTS goes after the kind's words.
            let words = target.prefix { !($0 == "\"" || $0 == "(") }.split(separator: " ").prefix { $0.uppercased() == $0 && !$0.isEmpty }
            let keyword = words.joined(separator: " ")
            return Statement("DROP \(keyword) IF EXISTS \(target.dropFirst(keyword.count + 1))")
        }
    }
}
