/// `CREATE … [OPTIONS (key 'value', …)];` as the inspection writes a foreign-data wrapper, a
/// server or the part of a foreign table after its columns: its words before the options (a
/// quoted name or literal, or a parenthesized group, is one word) and its options in order.
struct OptionedDefinition {
    typealias Option = (key: String, value: String)

    var words: [String] = []
    var options: [Option] = []

    init?(_ text: Substring) {
        let body = text.hasSuffix(";") ? text.dropLast() : text
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
            guard words.popLast() == "OPTIONS", let group = SQLWriting.parenthesized(rest), group.endIndex == rest.endIndex,
                  let options = Self.options(group) else { return nil }
            self.options = options
        } else if !word.isEmpty {
            words.append(word)
        }
    }

    /// The options of `(key 'value', …)`, parentheses included; nil where one has no value.
    static func options(_ group: Substring) -> [Option]? {
        var options: [Option] = []
        for option in SQLWriting.topLevelList(group.dropFirst().dropLast()) {
            guard let space = option.firstIndex(of: " ") else { return nil }
            options.append((String(option[..<space]), String(option[option.index(after: space)...])))
        }
        return options
    }

    /// The clauses of `OPTIONS (…)` that turn options `old` into `new`, in `new`'s order (the
    /// catalog keeps them in order, and the model compares them so): `SET` what changes, `DROP`
    /// what goes, `ADD` what comes. The server appends what it adds, so the options that stay
    /// past the first out of `new`'s order are dropped and added again after it. Empty when
    /// they are the same.
    static func changes(from old: [Option], to new: [Option]) -> [String] {
        let kept = old.map(\.key).filter { key in new.contains { $0.key == key } }
        var stay = 0
        while stay < kept.count, kept[stay] == new[stay].key { stay += 1 }
        var clauses: [String] = []
        for (key, value) in new.prefix(stay) where old.first(where: { $0.key == key })?.value != value {
            clauses.append("SET \(key) \(value)")
        }
        clauses += old.filter { option in !new.prefix(stay).contains { $0.key == option.key } }.map { "DROP \($0.key)" }
        return clauses + new.dropFirst(stay).map { "ADD \($0.key) \($0.value)" }
    }

    /// `OPTIONS (…)` of `changes`, or nil when the options are the same.
    static func clause(from old: [Option], to new: [Option]) -> String? {
        let changes = changes(from: old, to: new)
        return changes.isEmpty ? nil : "OPTIONS (\(changes.joined(separator: ", ")))"
    }

    func value(after keyword: String) -> String? {
        words.firstIndex(of: keyword).flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
    }

    func removing(_ keyword: String) -> [String] {
        guard let at = words.firstIndex(of: keyword), at + 1 < words.count else { return words }
        return Array(words[..<at] + words[(at + 2)...])
    }
}
