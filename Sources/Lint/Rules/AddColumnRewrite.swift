import SQLGeneration

/// `ADD COLUMN` that gives every existing row a value of its own, and so rewrites the table.
struct AddColumnRewrite: LintRule {
    let id = "add-column-rewrite"
    let summary = "ADD COLUMN with an identity, a serial, a stored generated column or a volatile default on a table an earlier migration created."
    let explanation = """
        Since PostgreSQL 11 a column added with a constant default (`now()` included) costs nothing: the value is \
        kept once in the catalog. A column whose value differs from row to row (an identity, a serial, a stored \
        generated column, a default that calls a volatile function such as gen_random_uuid() or clock_timestamp()) \
        makes the server write the whole table again and rebuild its indexes under an ACCESS EXCLUSIVE lock: no \
        reads, no writes, for as long as that takes. The rule asks the planner behind `diff --format sql`, which \
        says the same hazard. For a large table, add the column without that default, set the default for new \
        rows, and fill the old ones in batches.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let after = subject.after else { return [] }
        let values = VolatileDefault(after.functions)
        return subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard let (name, _) = StatementReading.addedColumn(action), let first = action.first,
                  let column = after.table(table.schema, table.name)?.column(name), ColumnRewrite.adding(column, functions: values) else { return nil }
            return subject.file.finding(self, "adds \(name) to \(table.schema).\(table.name), which existed before this migration, "
                                        + "with a value of its own for each row: the table is rewritten under an ACCESS EXCLUSIVE lock",
                                        at: statement, token: first)
        }
    }
}
