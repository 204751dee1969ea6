import SchemaModel

/// A new foreign key whose columns no index leads with.
struct ForeignKeyWithoutIndex: LintRule {
    let id = "foreign-key-without-index"
    let summary = "A new foreign key whose columns have no index."
    let explanation = """
        PostgreSQL indexes the referenced key, never the referencing columns. Without an index there, every DELETE or \
        key UPDATE on the referenced table scans the referencing table (under a lock), and joins along the key cannot \
        use an index. Add CREATE INDEX ON table (columns) in the same migration; an index whose leading columns are the \
        key's, or a primary key or unique constraint over them, is enough.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let after = subject.after else { return [] }
        var findings: [LintFinding] = []
        for table in after.tables where table.partitionOf == nil {
            let old = subject.before.table(table.name.schema, table.name.name)
            let leading = table.indexes.filter { $0.predicate == nil }.map { $0.keys.map(Self.unquoted) }
                + table.constraints.filter { $0.kind != .foreignKey && $0.kind != .check }.map(\.columns)
            for constraint in table.constraints where constraint.kind == .foreignKey {
                guard old?.constraints.contains(where: { $0.name == constraint.name }) != true else { continue }
                let columns = constraint.columns
                let covered = leading.contains { keys in
                    keys.count >= columns.count && Set(keys.prefix(columns.count)) == Set(columns)
                }
                guard !covered else { continue }
                let statement = subject.file.statements.first { $0.tokens.contains { $0.identifier == constraint.name } }
                    ?? subject.file.statements.first { statement in
                        statement.tokens.contains { $0.isWord("REFERENCES") } && statement.tokens.contains { $0.identifier == table.name.name }
                    }
                findings.append(subject.file.finding(self, "foreign key \(constraint.name) on \(table.name.name) (\(columns.joined(separator: ", "))) "
                                                     + "has no index on its columns: deletes on \(constraint.foreignKey?.referencedTable.name ?? "the referenced table") "
                                                     + "scan \(table.name.name)", at: statement))
            }
        }
        return findings
    }

    static func unquoted(_ key: String) -> String {
        key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2
            ? String(key.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : key
    }
}
