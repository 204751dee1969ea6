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
        let text = Substring(definition)
        var with: String.Index?
        SQLWriting.walk(text) { index, _, depth, quoted in
            if !quoted, depth == 0, text[index...].hasPrefix(" WITH (") { with = index }
            return with == nil
        }
        guard let with, let group = SQLWriting.parenthesized(text[text.index(with, offsetBy: " WITH ".count)...]) else {
            return (definition, [])
        }
        return (String(text[..<with]) + text[group.endIndex...], SQLWriting.topLevelList(group.dropFirst().dropLast()))
    }

    /// Whether `old` and `new` differ in their storage parameters alone.
    static func onlyParametersDiffer(_ old: String, _ new: String) -> Bool {
        let was = split(old), now = split(new)
        return was.rest == now.rest && was.parameters != now.parameters
    }

    /// `ALTER INDEX … SET (…)` for the parameters `new` sets, `RESET (…)` for those it leaves out.
    static func alter(index: QualifiedName, from old: String, to new: String) -> [Statement] {
        SQLWriting.parameters(of: "ALTER INDEX \(index.sql)", from: split(old).parameters, to: split(new).parameters)
    }
}
