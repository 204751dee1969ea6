import SQLGeneration

/// `DROP INDEX` without `CONCURRENTLY` of an index on a table that may hold rows.
struct DropIndexNotConcurrent: LintRule {
    let id = "drop-index-not-concurrently"
    let summary = "DROP INDEX without CONCURRENTLY of an index on a table an earlier migration created."
    let explanation = """
        A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: it waits for every query on the table \
        to end, and every query that comes after waits behind it. DROP INDEX CONCURRENTLY waits for those queries \
        without holding back the next ones; it cannot run in a transaction block, so put it in its own migration whose \
        first line is `-- schemactl:no-transaction`.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.file.statements.compactMap { statement in
            guard statement.starts(with: "DROP", "INDEX"), !statement.tokens.contains(where: { $0.isWord("CONCURRENTLY") }) else { return nil }
            var index = 2
            if index + 1 < statement.tokens.count, statement.tokens[index].isWord("IF"), statement.tokens[index + 1].isWord("EXISTS") { index += 2 }
            guard let (parts, _) = StatementReading.name(in: statement.tokens, at: index), let name = parts.last else { return nil }
            // The table the index was on before this migration (in its schema, when named with one).
            guard let table = subject.before.tables.first(where: { table in
                (parts.count < 2 || table.name.schema == parts[parts.count - 2]) && table.indexes.contains { $0.name == name }
            }), table.kind != .partitioned else { return nil }
            return subject.file.finding(self, "drops index \(name) of \(table.name.schema).\(table.name.name), which existed before this "
                                        + "migration, without CONCURRENTLY: queries on the table queue behind its lock", at: statement)
        }
    }
}
