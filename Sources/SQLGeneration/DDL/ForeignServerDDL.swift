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
        guard let was = Definition(old.definition), let now = Definition(new.definition), let target = DefinedObjectDDL.target(new)
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
        var options: [String] = []
        for (key, value) in now.options {
            if let previous = was.options.first(where: { $0.key == key }) {
                if previous.value != value { options.append("SET \(key) \(value)") }
            } else {
                options.append("ADD \(key) \(value)")
            }
        }
        options += was.options.filter { option in !now.options.contains { $0.key == option.key } }.map { "DROP \($0.key)" }
        if !options.isEmpty { clauses.append("OPTIONS (\(options.joined(separator: ", ")))") }
        return clauses.isEmpty ? [] : [Statement("ALTER \(target) \(clauses.joined(separator: " "))")]
    }

    /// `CREATE … [OPTIONS (key 'value', …)];` as the inspection writes it: its words before the
    /// options (a quoted name or literal is one word) and its options in order.
    private struct Definition {
        var words: [String] = []
        var options: [(key: String, value: String)] = []

        init?(_ text: String) {
            let body = text.hasSuffix(";") ? text.dropLast() : Substring(text)
            var word = ""
            var rest: Substring?
            SQLWriting.walk(body) { index, char, depth, quoted in
                if !quoted, depth == 0, char == " " {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                } else if !quoted, depth == 0, char == "(", word == "", words.last == "OPTIONS" {
                    rest = body[index...]
                    return false
                } else {
                    word.append(char)
                }
                return true
            }
            if let rest {
                guard words.popLast() == "OPTIONS", let group = SQLWriting.parenthesized(rest), group.endIndex == rest.endIndex
                else { return nil }
                for option in SQLWriting.topLevelList(group.dropFirst().dropLast()) {
                    guard let space = option.firstIndex(of: " ") else { return nil }
                    options.append((String(option[..<space]), String(option[option.index(after: space)...])))
                }
            } else if !word.isEmpty {
                words.append(word)
            }
        }

        func value(after keyword: String) -> String? {
            words.firstIndex(of: keyword).flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        }

        func removing(_ keyword: String) -> [String] {
            guard let at = words.firstIndex(of: keyword), at + 1 < words.count else { return words }
            return Array(words[..<at] + words[(at + 2)...])
        }
    }
}
