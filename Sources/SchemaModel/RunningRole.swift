import SQLText

/// The role that ran the migrations, as the objects say: whoever owns most of them.
///
/// `ALTER DEFAULT PRIVILEGES GRANT …` without `FOR ROLE` applies to the role that
/// runs it. A replay records it for the replay role, production for its deploy
/// role: the same migration, two role names. Like owners, which the diff compares
/// only when asked, the default privileges of the running role are compared
/// without its name (`for the running role …`) and written without `FOR ROLE`,
/// so that a consolidated file or a plan grants them for whoever applies it.
/// Default privileges of any other role keep its name.
extension DatabaseModel {
    /// The owner of the most tables, views, sequences and functions (the first by
    /// name on a tie); nil when no object names an owner.
    public var runningRole: String? {
        var counts: [String: Int] = [:]
        for owner in tables.map(\.owner) + views.map(\.owner) + sequences.map(\.owner) + functions.map(\.owner) {
            if let owner { counts[owner, default: 0] += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// This model with the running role's default privileges written for the running role.
    public func withRunningRoleDefaultPrivileges() -> DatabaseModel {
        // Most models hold no default privileges: ask that before counting owners (every diff and plan asks).
        guard definedObjects.contains(where: { $0.kind == .defaultPrivileges && $0.owner != nil }), let role = runningRole,
              definedObjects.contains(where: { $0.kind == .defaultPrivileges && $0.owner == role }) else {
            return self
        }
        var model = self
        model.definedObjects = definedObjects.map { $0.kind == .defaultPrivileges && $0.owner == role ? $0.forRunningRole(role) : $0 }.sorted()
        return model
    }
}

extension DefinedObject {
    /// Name and statements of default privileges `for role ROLE …` without the role:
    /// `for the running role …`, `ALTER DEFAULT PRIVILEGES …` and `CURRENT_USER` where
    /// the role itself is the grantee.
    func forRunningRole(_ role: String) -> DefinedObject {
        // The catalog query spells the role as quote_ident does: bare when it can be, else double-quoted.
        let spelling = name.hasPrefix("for role \(role) ") ? role : SQLQuoting.identifier(role)
        guard name.hasPrefix("for role \(spelling) ") else { return self }
        var object = self
        object.name = "for the running role " + name.dropFirst("for role \(spelling) ".count)
        let head = "ALTER DEFAULT PRIVILEGES FOR ROLE \(spelling) "
        let endings = [" TO ", " FROM "].flatMap { word in [";", " WITH GRANT OPTION;"].map { (word + spelling + $0, word + "CURRENT_USER" + $0) } }
        object.definition = definition.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = line.hasPrefix(head) ? "ALTER DEFAULT PRIVILEGES " + line.dropFirst(head.count) : String(line)
            if let (ending, replacement) = endings.first(where: { text.hasSuffix($0.0) }) {
                text = text.dropLast(ending.count) + replacement
            }
            return text
        }.joined(separator: "\n")
        object.owner = nil
        return object
    }
}
