import SQLText

/// A definition the server printed (an index's, a constraint's), as it prints it once a
/// column it names is renamed: `ALTER TABLE … RENAME COLUMN` keeps the index and the
/// constraint (they hold the column's number), so the plan must not drop and build them
/// again because their text named the old name (a unique index rebuilt, a foreign key
/// validated again, on a table that may hold millions of rows).
///
/// The column is each identifier token of that name that is not part of a qualified name, a
/// function's name or a type after `::`. A name the server prints otherwise (a keyword it
/// quotes) leaves a text that matches no target: the object is made again, as before, never
/// wrongly kept.
enum ColumnRenaming {
    /// `text` with column `old` named `new`, in the tokens `inside` picks (by the token list and
    /// an index into it; all of them by default).
    static func definition(_ text: String, renaming old: String, to new: String,
                           inside: ([SQLToken], Int) -> Bool = { _, _ in true }) -> String {
        let tokens = SQLToken.tokens(of: text)
        let edits = tokens.indices.compactMap { index -> (first: Int, last: Int, with: String)? in
            guard tokens[index].identifier == old, inside(tokens, index) else { return nil }
            let previous = index > 0 ? tokens[index - 1] : nil, next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if previous?.isSymbol(".") == true || next?.isSymbol(".") == true || next?.isSymbol("(") == true { return nil }
            if previous?.isSymbol(":") == true { return nil }
            return (index, index, SQLWriting.identPlain(new))
        }
        return replacing(text, tokens: tokens, edits)
    }

    /// `text` with each run of tokens `first…last` replaced by `with`; `text` as it was where a
    /// token is not written where the lexer read it (a form this does not write back).
    static func replacing(_ text: String, tokens: [SQLToken], _ edits: [(first: Int, last: Int, with: String)]) -> String {
        guard !edits.isEmpty else { return text }
        var bytes = Array(text.utf8)
        // From the end, so that earlier offsets stay right.
        for edit in edits.sorted(by: { $0.first > $1.first }) {
            let last = tokens[edit.last]
            let written = last.kind == .quotedIdentifier ? SQLWriting.ident(last.value) : last.kind == .string ? SQLWriting.literal(last.value) : last.value
            let end = last.offset + written.utf8.count
            guard end <= bytes.count, Array(bytes[last.offset..<end]) == Array(written.utf8) else { return text }
            bytes.replaceSubrange(tokens[edit.first].offset..<end, with: Array(edit.with.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether token `index` comes after the first `keyword` word of `tokens` (`USING` of an
    /// index: what follows is its keys, its INCLUDE and its predicate, not its name or table).
    static func after(_ keyword: String) -> ([SQLToken], Int) -> Bool {
        { tokens, index in tokens[..<index].contains { $0.isWord(keyword) } }
    }

    /// Whether token `index` comes before any `keyword` word (a foreign key's own columns, before `REFERENCES`).
    static func before(_ keyword: String) -> ([SQLToken], Int) -> Bool {
        { tokens, index in !tokens[..<index].contains { $0.isWord(keyword) } }
    }
}
