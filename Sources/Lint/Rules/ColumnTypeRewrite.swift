import SQLGeneration

/// `ALTER COLUMN … TYPE` that the planner says rewrites the table.
struct ColumnTypeRewrite: LintRule {
    let id = "column-type-rewrite"
    let summary = "A column type change that rewrites a table an earlier migration created."
    let explanation = """
        Most type changes (integer to bigint, text to a domain, anything with USING) rewrite the whole table and \
        rebuild its indexes under an ACCESS EXCLUSIVE lock: no reads, no writes, for as long as that takes. Changes \
        PostgreSQL can make without a rewrite (varchar(n) to a longer varchar or to text, numeric(p,s) to a wider \
        precision) are left alone: the rule asks the planner, the same one behind `diff --format sql`. For a large \
        table, add a new column, fill it in batches, and swap.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard subject.hazards.contains(.tableRewrite(table)), let first = action.first, first.isWord("ALTER"),
                  action.contains(where: { $0.depth == 0 && $0.isWord("TYPE") }) else { return nil }
            let token = action.dropFirst().first?.isWord("COLUMN") == true ? action.dropFirst(2).first : action.dropFirst().first
            // The table's rewrite may be another action's (a column added with a volatile default):
            // this column's own change is asked where both models hold it.
            if let name = token?.identifier, let old = subject.before.table(table.schema, table.name)?.column(name),
               let new = subject.after?.table(table.schema, table.name)?.column(name), !ColumnRewrite.retyping(old, to: new) {
                return nil
            }
            return subject.file.finding(self, "changes the type of \(token?.identifier ?? "a column") of \(table.schema).\(table.name), which existed "
                                        + "before this migration: the table is rewritten under an ACCESS EXCLUSIVE lock", at: statement, token: first)
        }
    }
}
