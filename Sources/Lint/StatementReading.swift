import SQLText
import SchemaModel

/// The few statement shapes the rules recognise, read from tokens. Not a SQL
/// grammar: the server has already accepted the statement (the replay ran it),
/// so these only find where the parts are.
enum StatementReading {
    static func name(in tokens: [SQLToken], at index: Int) -> (parts: [String], next: Int)? {
        SQLToken.qualifiedName(in: tokens, at: index)
    }

    /// `ALTER TABLE [IF EXISTS] [ONLY] name [*] action, action …`: the name and each action's tokens.
    static func alterTable(_ statement: LintStatement) -> (name: [String], actions: [ArraySlice<SQLToken>])? {
        guard statement.starts(with: "ALTER", "TABLE") else { return nil }
        let tokens = statement.tokens
        var index = 2
        if index + 1 < tokens.count, tokens[index].isWord("IF"), tokens[index + 1].isWord("EXISTS") { index += 2 }
        if index < tokens.count, tokens[index].isWord("ONLY") { index += 1 }
        guard let (parts, next) = name(in: tokens, at: index) else { return nil }
        var cursor = next
        if cursor < tokens.count, tokens[cursor].isSymbol("*") { cursor += 1 }
        var actions: [ArraySlice<SQLToken>] = []
        var start = cursor
        for position in cursor..<tokens.count where tokens[position].depth == 0 && tokens[position].isSymbol(",") {
            actions.append(tokens[start..<position])
            start = position + 1
        }
        if start < tokens.count { actions.append(tokens[start..<tokens.count]) }
        return (parts, actions)
    }

    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table`: the table, and whether concurrently.
    static func createIndex(_ statement: LintStatement) -> (table: [String], concurrently: Bool)? {
        guard statement.starts(with: "CREATE", "INDEX") || statement.starts(with: "CREATE", "UNIQUE", "INDEX") else { return nil }
        guard let on = statement.word("ON") else { return nil }
        var index = on + 1
        if index < statement.tokens.count, statement.tokens[index].isWord("ONLY") { index += 1 }
        guard let (parts, _) = name(in: statement.tokens, at: index) else { return nil }
        return (parts, statement.tokens[..<on].contains { $0.isWord("CONCURRENTLY") })
    }

    /// `ADD [COLUMN] [IF NOT EXISTS] name …` (not a constraint): the column's name and the tokens from it on.
    static func addedColumn(_ action: ArraySlice<SQLToken>) -> (name: String, definition: ArraySlice<SQLToken>)? {
        guard let first = action.first, first.isWord("ADD"), action.count > 2 else { return nil }
        var rest = action.dropFirst()
        if rest.first?.isWord("COLUMN") == true { rest = rest.dropFirst() }
        guard let word = rest.first, !constraintWords.contains(word.value.uppercased()) || word.kind != .word else { return nil }
        if begins(rest, with: "IF", "NOT", "EXISTS") { rest = rest.dropFirst(3) }
        guard let name = rest.first?.identifier else { return nil }
        return (name, rest)
    }

    private static let constraintWords: Set<String> = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE"]

    /// Whether the words of `tokens` (depth 0 of the statement) begin with `words`.
    static func begins(_ tokens: ArraySlice<SQLToken>, with words: String...) -> Bool {
        guard tokens.count >= words.count else { return false }
        return zip(tokens, words).allSatisfy { $0.isWord($1) }
    }
}

extension LintSubject {
    /// Each action of each `ALTER TABLE` in the migration on a table the migrations
    /// before it created (one that may hold rows), with its statement and table:
    /// what the rules about risky table changes walk.
    func alterActionsOnExistingTables() -> [(statement: LintStatement, table: QualifiedName, action: ArraySlice<SQLToken>)] {
        file.statements.flatMap { statement -> [(statement: LintStatement, table: QualifiedName, action: ArraySlice<SQLToken>)] in
            guard let alter = StatementReading.alterTable(statement) else { return [] }
            let table = table(named: alter.name)
            guard existed(table) else { return [] }
            return alter.actions.map { (statement, table, $0) }
        }
    }
}
