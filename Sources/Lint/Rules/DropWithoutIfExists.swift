/// A rollback's `DROP` that fails when the object is already gone.
struct DropWithoutIfExists: LintRule {
    let id = "drop-without-if-exists"
    let summary = "DROP without IF EXISTS in a rollback."
    let explanation = """
        A rollback runs when something has gone wrong: after a migration that failed half-way outside a transaction, or \
        after someone repaired a database by hand. A DROP that insists on the object stops the rollback there. The \
        guide's rollbacks write DROP TABLE IF EXISTS …; the same goes for ALTER TABLE … DROP COLUMN IF EXISTS and \
        DROP CONSTRAINT IF EXISTS.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let rollback = subject.rollback else { return [] }
        return rollback.statements.flatMap { statement -> [LintFinding] in
            if statement.starts(with: "DROP") {
                let words = statement.tokens.filter { $0.depth == 0 }
                guard !zip(words, words.dropFirst()).contains(where: { $0.isWord("IF") && $1.isWord("EXISTS") }) else { return [] }
                let kind = statement.leadingWords.dropFirst().prefix { !["IF", "CONCURRENTLY"].contains($0) }.prefix(2)
                return [rollback.finding(self, "DROP \(kind.first == "MATERIALIZED" ? kind.joined(separator: " ") : kind.first ?? "") "
                                         + "without IF EXISTS in a rollback", at: statement)]
            }
            guard let alter = StatementReading.alterTable(statement) else { return [] }
            return alter.actions.compactMap { action in
                guard let first = action.first, first.isWord("DROP") else { return nil }
                var rest = action.dropFirst()
                let what = rest.first?.isWord("CONSTRAINT") == true ? "CONSTRAINT" : "COLUMN"
                if rest.first?.isWord("COLUMN") == true || rest.first?.isWord("CONSTRAINT") == true { rest = rest.dropFirst() }
                guard !StatementReading.begins(rest, with: "IF", "EXISTS") else { return nil }
                return rollback.finding(self, "ALTER TABLE … DROP \(what) without IF EXISTS in a rollback", at: statement, token: first)
            }
        }
    }
}
