import Foundation
import SQLText

/// A table a publication names (`FOR TABLE a (columns) WHERE (…)`, or `ALTER PUBLICATION …
/// ADD TABLE …`), read from the text: pg_publication_rel's rows, and the columns they name,
/// are not among the model's edges.
public struct PublishedTable: Hashable, Sendable {
    public var table: QualifiedName
    /// The name as written, with `ONLY` if it has it (`ONLY public.t`).
    public var head: String
    /// The part after the name (column list and row filter), "" for a whole table.
    public var filter: String

    /// The entry: the name, its column list and its row filter (`ONLY public.t (id, a) WHERE
    /// ((flag > 0))`), what `ADD TABLE` takes back.
    public var entry: String { filter.isEmpty ? head : head + " " + filter }

    /// Whether it has a column list or a row filter: the server then refuses a change of the
    /// type of a column they name, or its drop ("cannot alter type of a column used by a
    /// publication WHERE clause", said of a column list too).
    public var filtered: Bool { !filter.isEmpty }

    /// The tables `text` names after `TABLE` (and after each comma that follows, until `TABLES
    /// IN SCHEMA` or `WITH`), in order: not those `FOR TABLES IN SCHEMA` or `FOR ALL TABLES`
    /// reach. Names must be schema-qualified, as the reader and the planner write them.
    public static func entries(in text: String) -> [PublishedTable] {
        let tokens = SQLToken.tokens(of: text)
        let bytes = Array(text.utf8)
        var found: [PublishedTable] = [], inTables = false, index = 0
        /// The entry from `start` to the next comma, `TABLES` or `WITH` at its depth (or the end).
        func end(after next: Int) -> Int {
            var cursor = next
            while cursor < tokens.count {
                let token = tokens[cursor]
                if token.depth == 0, token.isSymbol(",") || token.isSymbol(";") || token.isWord("WITH") || token.isWord("TABLES") { break }
                cursor += 1
            }
            return cursor
        }
        func slice(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[from..<to], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        while index < tokens.count {
            let token = tokens[index]
            guard token.depth == 0 else { index += 1; continue }
            if token.isWord("WITH") { break }
            if token.isWord("TABLES") { inTables = false }
            if token.isWord("TABLE") || inTables && token.isSymbol(",") {
                inTables = true
                var start = index + 1
                if start < tokens.count, tokens[start].isWord("ONLY") { start += 1 }
                if let (parts, next) = SQLToken.qualifiedName(in: tokens, at: start), parts.count == 2 {
                    let last = end(after: next)
                    let stop = last < tokens.count ? tokens[last].offset : bytes.count
                    let filtered = next < tokens.count && next < last
                    found.append(PublishedTable(table: QualifiedName(schema: parts[0], name: parts[1]),
                                                head: slice(tokens[index + 1].offset, filtered ? tokens[next].offset : stop),
                                                filter: filtered ? slice(tokens[next].offset, stop) : ""))
                    index = last
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
