/// `ALTER TABLE … ADD COLUMN … NOT NULL` with no default, on a table that may hold rows.
struct NotNullWithoutDefault: LintRule {
    let id = "not-null-without-default"
    let summary = "ADD COLUMN … NOT NULL without a DEFAULT on a table an earlier migration created."
    let explanation = """
        A new column with no default is NULL in every existing row, so NOT NULL makes the statement fail on any table \
        that holds rows: the migration passes on an empty development database and stops in production. Give it a \
        DEFAULT (a constant default costs no rewrite since PostgreSQL 11), or add it nullable, fill it, then SET NOT NULL.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard let (column, rest) = StatementReading.addedColumn(action), let first = action.first else { return nil }
            let words = rest.filter { $0.depth == 0 }
            let notNull = zip(words, words.dropFirst()).contains { $0.isWord("NOT") && $1.isWord("NULL") }
            let filled = words.contains { $0.isWord("DEFAULT") || $0.isWord("GENERATED") }
            guard notNull, !filled else { return nil }
            return subject.file.finding(self, "adds \(column) NOT NULL without a DEFAULT to \(table.schema).\(table.name), which existed "
                                        + "before this migration: it fails on a table that holds rows", at: statement, token: first)
        }
    }
}
