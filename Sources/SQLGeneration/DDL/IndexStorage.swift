import SchemaModel

/// An index's storage parameters (`WITH (fillfactor='70', deduplicate_items=off)`), as the
/// server prints them in an index's or a key's definition, changed in place: `ALTER INDEX …
/// SET (…)` and `RESET (…)` change the catalog only (the next build or write uses them). A key
/// dropped and added again for them would build its index again and take the foreign keys that
/// reference it; an index, build again under a lock that blocks writes.
enum IndexStorage {
    /// The definition without its `WITH (…)` group (outside quotes and parentheses), and the
    /// parameters in it (`name=value`); nil parameters when it has none.
    static func split(_ definition: String) -> (rest: String, parameters: [String]) {
        var depth = 0
        var quote: Character?
        var index = definition.startIndex
        while index < definition.endIndex {
            let char = definition[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "(" {
                depth += 1
            } else if char == ")" {
                depth -= 1
            } else if depth == 0, definition[index...].hasPrefix(" WITH (") {
                let open = definition.index(index, offsetBy: " WITH ".count)
                guard let group = SQLWriting.parenthesized(definition[open...]) else { break }
                let rest = String(definition[..<index]) + definition[group.endIndex...]
                return (rest, parameters(group.dropFirst().dropLast()))
            }
            index = definition.index(after: index)
        }
        return (definition, [])
    }

    /// `a='1', b=off` → `["a='1'", "b=off"]`: commas inside quotes do not split.
    private static func parameters(_ list: Substring) -> [String] {
        var parameters: [String] = []
        var current = ""
        var quoted = false
        for char in list {
            if char == "'" { quoted.toggle() }
            if char == ",", !quoted {
                parameters.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty { parameters.append(current.trimmingCharacters(in: .whitespaces)) }
        return parameters
    }

    /// Whether `old` and `new` differ in their storage parameters alone.
    static func onlyParametersDiffer(_ old: String, _ new: String) -> Bool {
        let was = split(old), now = split(new)
        return was.rest == now.rest && was.parameters != now.parameters
    }

    /// `ALTER INDEX … SET (…)` for the parameters `new` sets, `RESET (…)` for those it leaves out.
    static func alter(index: QualifiedName, from old: String, to new: String) -> [Statement] {
        let was = split(old).parameters, now = split(new).parameters
        let name = { (parameter: String) in String(parameter.prefix { $0 != "=" }) }
        let kept = Set(now.map(name))
        var statements: [Statement] = []
        let gone = was.map(name).filter { !kept.contains($0) }
        if !gone.isEmpty { statements.append(Statement("ALTER INDEX \(index.sql) RESET (\(gone.joined(separator: ", ")))")) }
        let changed = now.filter { !was.contains($0) }
        if !changed.isEmpty { statements.append(Statement("ALTER INDEX \(index.sql) SET (\(changed.joined(separator: ", ")))")) }
        return statements
    }
}
