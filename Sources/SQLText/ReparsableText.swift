import Foundation

/// Text the server printed (`pg_get_viewdef`, `pg_get_constraintdef`, …) made to read back as
/// what it printed. Its deparser is not always its parser's inverse, and a view, a check or a
/// default made from its own printed text then prints another one: a plan that makes it never
/// matches its target byte for byte, and `pg_dump -s` of a database built from the consolidated
/// file differs from the source's. Two such forms are written so that they read back:
///
/// - `EXTRACT('YEAR' FROM d)` keeps its field as the string given and prints `EXTRACT(YEAR
///   FROM d)`, which reads back as the keyword, folded to `year` (LedgerSMB's `periods` view):
///   the field is written back as the string it was.
/// - `v IN ('a', 'b')` over a `varchar` prints `(v)::text = ANY ((ARRAY['a'::character
///   varying, 'b'::character varying])::text[])`, whose cast reads back as one on each element
///   (`ARRAY[('a'::character varying)::text, …]`), as the parser pushes a cast into an `ARRAY[…]`
///   it is written on (what Django, SQLAlchemy and GNUmed write, in every check of its kind):
///   the array is written with its own type first (`ARRAY[…]::character varying[]`), a cast
///   the parser drops, so that the cast after it stays one on the array.
public enum ReparsableText {
    /// `sql` with those forms written so that they read back, also inside the `$schemactl$`
    /// blocks that guard statements. Written once, read again: nothing more changes.
    public static func of(_ sql: String) -> String {
        // Most statements have neither form: they are returned without being read.
        guard sql.containsBytes("EXTRACT(") || sql.containsBytes("(ARRAY[") else { return sql }
        let tokens = SQLToken.tokens(of: sql)
        let bytes = Array(sql.utf8)
        let tag = Array("$schemactl".utf8)
        var edits: [(range: Range<Int>, text: String)] = []
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .string, bytes[token.offset...].starts(with: tag),
               let close = bytes[(token.offset + 1)...].firstIndex(of: 0x24) {
                // `$schemactl$` or `$schemactl2$` (SQLWriting.tag): the block's body is read as SQL.
                let start = close + 1
                let inner = of(token.value)
                if inner != token.value { edits.append((start..<start + token.value.utf8.count, inner)) }
            } else if let edit = extractField(tokens, at: index) ?? arrayType(tokens, at: index, in: bytes) {
                edits.append(edit)
            }
        }
        guard !edits.isEmpty else { return sql }
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `EXTRACT(Field FROM` at `index` whose field a lower-case word would not give: the field as a string.
    private static func extractField(_ tokens: [SQLToken], at index: Int) -> (range: Range<Int>, text: String)? {
        guard tokens[index].isWord("EXTRACT"), index + 3 < tokens.count, tokens[index + 1].isSymbol("("),
              tokens[index + 2].kind == .word, tokens[index + 3].isWord("FROM") else { return nil }
        let field = tokens[index + 2]
        guard field.value != field.value.lowercased() else { return nil }
        return (field.offset..<field.offset + field.value.utf8.count, "'" + field.value + "'")
    }

    /// `(ARRAY[e::T, …])::` at `index`, every element cast to the same T: `::T[]` inserted after `]`.
    private static func arrayType(_ tokens: [SQLToken], at index: Int, in bytes: [UInt8]) -> (range: Range<Int>, text: String)? {
        guard tokens[index].isSymbol("("), index + 2 < tokens.count, tokens[index + 1].isWord("ARRAY"),
              tokens[index + 2].isSymbol("[") else { return nil }
        let level = tokens[index + 2].depth
        var types: [String] = []
        var elementStart = index + 3, cursor = index + 3
        var lastCast: Int?
        while cursor < tokens.count {
            let token = tokens[cursor]
            // A nested array or a subscript: left as printed.
            if token.isSymbol("[") || token.isWord("ARRAY") { return nil }
            if token.depth == level, token.isSymbol(",") || token.isSymbol("]") {
                guard let cast = lastCast, cursor > elementStart else { return nil }
                let text = String(decoding: bytes[(tokens[cast].offset + 1)..<token.offset], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return nil }
                types.append(text)
                if token.isSymbol("]") { break }
                elementStart = cursor + 1
                lastCast = nil
            } else if token.depth == level, token.isSymbol(":"), cursor > elementStart, tokens[cursor - 1].isSymbol(":"),
                      tokens[cursor - 1].offset + 1 == token.offset {
                lastCast = cursor
            } else if lastCast != nil, !isTypeName(token, level: level) {
                // What follows the last cast is more than a type (`::text COLLATE "C"`, `::int + 1`).
                lastCast = nil
            }
            cursor += 1
        }
        guard cursor + 3 < tokens.count, tokens[cursor].isSymbol("]"), tokens[cursor + 1].isSymbol(")"),
              tokens[cursor + 2].isSymbol(":"), tokens[cursor + 3].isSymbol(":"),
              let type = types.first, types.allSatisfy({ $0 == type }) else { return nil }
        let after = tokens[cursor].offset + 1
        return (after..<after, "::" + type + "[]")
    }

    /// Whether `token`, after a cast in an array's element at `level`, can be part of a type's name
    /// (`character varying(20)`, `"S".t`, `numeric(10,2)`, `timestamp with time zone`).
    private static func isTypeName(_ token: SQLToken, level: Int) -> Bool {
        switch token.kind {
        case .word: return !notInTypeNames.contains(token.value.uppercased())
        case .quotedIdentifier: return true
        case .number: return token.depth > level
        case .string: return false
        case .symbol: return token.isSymbol(".") || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol(",") && token.depth > level
        }
    }

    private static let notInTypeNames: Set<String> = ["COLLATE", "AT", "IS", "AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "SIMILAR",
                                                      "BETWEEN", "ISNULL", "NOTNULL", "OVERLAPS", "ESCAPE", "OPERATOR"]
}
