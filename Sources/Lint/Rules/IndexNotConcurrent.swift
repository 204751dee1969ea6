import SQLGeneration

/// `CREATE INDEX` without `CONCURRENTLY` on a table that may hold rows.
struct IndexNotConcurrent: LintRule {
    let id = "index-not-concurrently"
    let summary = "CREATE INDEX without CONCURRENTLY on a table an earlier migration created."
    let explanation = """
        A plain CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits \
        until the index is built, which on a large table is minutes. CREATE INDEX CONCURRENTLY builds it without \
        blocking writes; it cannot run in a transaction block, so put it in its own migration whose first line is \
        `-- schemactl:no-transaction`. A table created earlier in the same migration is empty and is left alone.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.file.statements.compactMap { statement in
            guard let index = StatementReading.createIndex(statement), !index.concurrently else { return nil }
            let table = subject.table(named: index.table)
            guard subject.existed(table), subject.before.table(table.schema, table.name)?.kind != .partitioned,
                  subject.hazards.contains(.indexBuild(table)) else { return nil }
            return subject.file.finding(self, "CREATE INDEX on \(table.schema).\(table.name), which existed before this migration, "
                                        + "without CONCURRENTLY: writes to it wait for the whole build", at: statement)
        }
    }
}
