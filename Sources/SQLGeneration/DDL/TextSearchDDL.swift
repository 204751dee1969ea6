import SchemaModel

/// A text search configuration's mappings and a dictionary's options changed in place
/// (`ALTER … MAPPING`, `ALTER TEXT SEARCH DICTIONARY … (option = value)`): dropping one
/// that an index or a view names (`to_tsvector('crm', body)` records the configuration in
/// pg_depend) is refused, and changing it in place keeps them. A new parser or template
/// has no statement; such a change is a rebuild.
enum TextSearchDDL {
    /// The statements that turn `old` into `new`, or nil when they cannot be written in place.
    static func alter(_ old: DefinedObject, _ new: DefinedObject) -> [Statement]? {
        switch new.kind {
        case .textSearchConfiguration: return alterConfiguration(old.definition, new.definition)
        case .textSearchDictionary: return alterDictionary(old.definition, new.definition)
        default: return nil
        }
    }

    /// A configuration's definition: its `CREATE … (PARSER = …);` line, then one
    /// `ALTER … ADD MAPPING FOR token WITH dictionaries;` line per token type.
    private static func alterConfiguration(_ old: String, _ new: String) -> [Statement]? {
        let oldLines = old.split(separator: "\n").map(String.init), newLines = new.split(separator: "\n").map(String.init)
        guard let head = newLines.first, oldLines.first == head, let name = head.range(of: "CONFIGURATION ").map({ head[$0.upperBound...] }),
              let space = name.firstIndex(of: " ") else { return nil }
        let target = String(name[..<space])
        let was = mappings(oldLines.dropFirst()), now = mappings(newLines.dropFirst())
        let alter = "ALTER TEXT SEARCH CONFIGURATION \(target)"
        var statements: [Statement] = []
        for token in was.keys.sorted() where now[token] == nil {
            statements.append(Statement("\(alter) DROP MAPPING IF EXISTS FOR \(token)"))
        }
        for token in now.keys.sorted() where was[token] != now[token] {
            statements.append(Statement("\(alter) \(was[token] == nil ? "ADD" : "ALTER") MAPPING FOR \(token) WITH \(now[token]!)"))
        }
        return statements
    }

    /// Token type to dictionaries, from `… ADD MAPPING FOR token WITH a, b;` lines.
    private static func mappings(_ lines: ArraySlice<String>) -> [String: String] {
        var result: [String: String] = [:]
        for line in lines {
            guard let mapping = line.range(of: " ADD MAPPING FOR "), let with = line.range(of: " WITH ", range: mapping.upperBound..<line.endIndex)
            else { continue }
            let dictionaries = line[with.upperBound...].trimmingSuffix(";")
            result[String(line[mapping.upperBound..<with.lowerBound])] = String(dictionaries)
        }
        return result
    }

    /// A dictionary's definition: `CREATE … DICTIONARY name (TEMPLATE = t, option = 'value', …);`.
    private static func alterDictionary(_ old: String, _ new: String) -> [Statement]? {
        guard let was = dictionary(old), let now = dictionary(new), was.name == now.name, was.template == now.template else { return nil }
        let keys = Set(now.options.keys)
        // An option named without a value goes back to the template's default.
        let options = now.options.keys.sorted().filter { was.options[$0] != now.options[$0] }.map { "\($0) = \(now.options[$0]!)" }
            + was.options.keys.sorted().filter { !keys.contains($0) }
        return options.isEmpty ? [] : [Statement("ALTER TEXT SEARCH DICTIONARY \(now.name) (\(options.joined(separator: ", ")))")]
    }

    private static func dictionary(_ definition: String) -> (name: String, template: String, options: [String: String])? {
        guard let start = definition.range(of: "DICTIONARY "), let open = definition.range(of: " (", range: start.upperBound..<definition.endIndex),
              let close = definition.lastIndex(of: ")") , open.upperBound <= close else { return nil }
        var template: String?
        var options: [String: String] = [:]
        for item in topLevelItems(definition[open.upperBound..<close]) {
            guard let equals = item.range(of: " = ") else { return nil }
            let key = String(item[..<equals.lowerBound]), value = String(item[equals.upperBound...])
            if key == "TEMPLATE" { template = value } else { options[key] = value }
        }
        return template.map { (String(definition[start.upperBound..<open.lowerBound]), $0, options) }
    }

    /// `a = 'x, y', b = 'z'` split at the commas outside quotes.
    private static func topLevelItems(_ text: Substring) -> [Substring] {
        var items: [Substring] = []
        var start = text.startIndex, quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "'" { quoted.toggle() }
            if character == ",", !quoted {
                items.append(text[start..<index])
                start = text.index(after: index)
                while start < text.endIndex, text[start] == " " { start = text.index(after: start) }
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { items.append(text[start...]) }
        return items
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
