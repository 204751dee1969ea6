/// Renaming a table or column that a view reads.
struct RenameUsedByView: LintRule {
    let id = "rename-used-by-view"
    let summary = "Renaming a column or table that a view uses."
    let explanation = """
        PostgreSQL follows a rename inside the views that use the table, so nothing fails at once; but the view's own \
        columns keep the old name, a view recreated from its source file now fails, and code that reads the view \
        expecting the new name breaks. Recreate the view in the same migration (CREATE OR REPLACE VIEW, or drop and \
        create), so its definition in the history says what the database holds.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard let first = action.first, first.isWord("RENAME") else { return nil }
            var rest = action.dropFirst()
            if rest.first?.isWord("CONSTRAINT") == true { return nil }
            let column: String?
            if rest.first?.isWord("TO") == true {
                column = nil
            } else {
                if rest.first?.isWord("COLUMN") == true { rest = rest.dropFirst() }
                column = rest.first?.identifier
            }
            let users = subject.before.views.filter { view in
                let words = Set(SQLTokenWords.identifiers(in: view.definition))
                return words.contains(table.name) && (column.map { words.contains($0) } ?? true)
            }
            guard let view = users.first else { return nil }
            let what = column.map { "column \($0) of \(table.schema).\(table.name)" } ?? "table \(table.schema).\(table.name)"
            return subject.file.finding(self, "renames \(what), which the view \(view.name.schema).\(view.name.name) uses"
                                        + (users.count > 1 ? " (and \(users.count - 1) more)" : "")
                                        + ": recreate the view in this migration", at: statement, token: first)
        }
    }
}
