/// Text the server printed (`pg_get_viewdef`, `pg_get_expr`, …) made to read back as what it
/// printed. Its deparser is not always its parser's inverse: `EXTRACT('YEAR' FROM d)` keeps the
/// field as the string given and is printed `EXTRACT(YEAR FROM d)`, which reads back as the
/// keyword, folded to `year`: a view made from its own definition then prints another one, and a
/// plan that makes it so never matches its target (LedgerSMB's `periods` view). Such a field is
/// written back as the string it was.
public enum ReparsableText {
    /// `sql` with each `EXTRACT(Field FROM` whose field a lower-case word would not give written
    /// `EXTRACT('Field' FROM`, also inside the `$schemactl$` blocks that guard statements.
    public static func of(_ sql: String) -> String {
        // Most statements have no EXTRACT: they are returned without being read.
        guard sql.contains("EXTRACT(") else { return sql }
        let tokens = SQLToken.tokens(of: sql)
        let bytes = Array(sql.utf8)
        let tag = Array("$schemactl$".utf8)
        var edits: [(range: Range<Int>, text: String)] = []
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .string, bytes[token.offset...].starts(with: tag) {
                let start = token.offset + tag.count
                let inner = of(token.value)
                if inner != token.value { edits.append((start..<start + token.value.utf8.count, inner)) }
                continue
            }
            guard token.isWord("EXTRACT"), index + 3 < tokens.count, tokens[index + 1].isSymbol("("),
                  tokens[index + 2].kind == .word, tokens[index + 3].isWord("FROM") else { continue }
            let field = tokens[index + 2]
            guard field.value != field.value.lowercased() else { continue }
            edits.append((field.offset..<field.offset + field.value.utf8.count, "'" + field.value + "'"))
        }
        guard !edits.isEmpty else { return sql }
        var result = bytes
        for edit in edits.reversed() { result.replaceSubrange(edit.range, with: Array(edit.text.utf8)) }
        return String(decoding: result, as: UTF8.self)
    }
}
