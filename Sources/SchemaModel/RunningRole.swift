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
        guard let role = runningRole, definedObjects.contains(where: { $0.kind == .defaultPrivileges && $0.owner == role }) else {
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
        let quoted = SQLQuoting.identifier(role)
        var object = self
        for spelling in Set([quoted, role]) where name.hasPrefix("for role \(spelling)") {
            object.name = "for the running role" + name.dropFirst("for role \(spelling)".count)
            break
        }
        object.definition = definition.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            for spelling in Set([quoted, role]) where text.hasPrefix("ALTER DEFAULT PRIVILEGES FOR ROLE \(spelling) ") {
                text = "ALTER DEFAULT PRIVILEGES " + text.dropFirst("ALTER DEFAULT PRIVILEGES FOR ROLE \(spelling) ".count)
                break
            }
            for spelling in Set([quoted, role]) {
                for word in [" TO ", " FROM "] {
                    for end in [";", " WITH GRANT OPTION;"] where text.hasSuffix(word + spelling + end) {
                        text = String(text.dropLast((word + spelling + end).count)) + word + "CURRENT_USER" + end
                    }
                }
            }
            return text
        }.joined(separator: "\n")
        object.owner = nil
        return object
    }
}
