import SQLGeneration

/// `ADD PRIMARY KEY` or `ADD UNIQUE` building its index on a table that may hold rows.
struct KeyWithoutConcurrentIndex: LintRule {
    let id = "key-without-concurrent-index"
    let summary = "ADD CONSTRAINT (PRIMARY KEY or UNIQUE) that builds its index, on a table an earlier migration created."
    let explanation = """
        Adding a primary key or unique constraint builds its index while holding an ACCESS EXCLUSIVE lock on the \
        table: no read or write gets through until the build ends. Build the index first with CREATE UNIQUE INDEX \
        CONCURRENTLY (in a `-- schemactl:no-transaction` migration), then make it the constraint's with ALTER TABLE … \
        ADD CONSTRAINT name UNIQUE USING INDEX name (or PRIMARY KEY USING INDEX), which takes the lock only briefly. \
        `schemactl generate --online` writes it so.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard subject.hazards.contains(.indexBuild(table)), let first = action.first, first.isWord("ADD") else { return nil }
            let words = action.filter { $0.depth == 0 }
            guard let kind = words.first(where: { $0.isWord("UNIQUE") || $0.isWord("PRIMARY") }),
                  !zip(words, words.dropFirst()).contains(where: { $0.isWord("USING") && $1.isWord("INDEX") }),
                  subject.before.table(table.schema, table.name)?.kind != .partitioned else { return nil }
            return subject.file.finding(self, "adds a \(kind.isWord("UNIQUE") ? "UNIQUE" : "PRIMARY KEY") constraint to \(table.schema).\(table.name), "
                                        + "which existed before this migration, building its index under a lock that blocks reads and writes",
                                        at: statement, token: first)
        }
    }
}
