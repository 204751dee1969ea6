import SchemaModel

/// A foreign-data wrapper or a server changed in place (`ALTER FOREIGN DATA WRAPPER`,
/// `ALTER SERVER`): made again, it would take its servers, user mappings and foreign tables
/// with it, and a user mapping's options (passwords among them), which the model never
/// reads, could not be given back. pgquarrel's server case (a version and a port changed,
/// an option added) found it.
enum ForeignServerDDL {
    /// The statements that turn `old` into `new`, or nil where only a new object will do (a
    /// server's type or wrapper changed).
    static func alter(_ old: DefinedObject, _ new: DefinedObject) -> [Statement]? {
        guard let was = OptionedDefinition(Substring(old.definition)), let now = OptionedDefinition(Substring(new.definition)), let target = DefinedObjectDDL.target(new)
        else { return nil }
        var clauses: [String] = []
        switch new.kind {
        case .foreignDataWrapper:
            // `CREATE FOREIGN DATA WRAPPER name HANDLER … VALIDATOR …`: both can be set again.
            if was.words != now.words { clauses.append(now.words.dropFirst(5).joined(separator: " ")) }
        case .foreignServer:
            // `CREATE SERVER name [TYPE '…'] [VERSION '…'] FOREIGN DATA WRAPPER w`: only the version can change.
            guard was.removing("VERSION") == now.removing("VERSION") else { return nil }
            let version = now.value(after: "VERSION")
            if was.value(after: "VERSION") != version { clauses.append("VERSION \(version ?? "NULL")") }
        default:
            return nil
        }
        if let options = OptionedDefinition.clause(from: was.options, to: now.options) { clauses.append(options) }
        return clauses.isEmpty ? [] : [Statement("ALTER \(target) \(clauses.joined(separator: " "))")]
    }
}
