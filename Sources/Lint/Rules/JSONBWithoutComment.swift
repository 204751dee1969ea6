import SchemaModel

/// The guide's hybrid storage model: variable data goes in JSONB columns, so what
/// a JSONB column holds is documented nowhere unless its comment says it.
struct JSONBWithoutComment: LintRule {
    let id = "jsonb-without-comment"
    let summary = "A new JSON or JSONB column without a comment describing its shape."
    let explanation = """
        The hybrid storage model keeps variable, dynamic data in JSONB columns. Their shape lives in no column list, \
        so the next reader learns it only from the column's comment: COMMENT ON COLUMN contacts.preferences IS \
        '{"channel": "email" | "sms", "quiet_hours": [start, end]}'; in the same migration that adds the column.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let after = subject.after else { return [] }
        var findings: [LintFinding] = []
        for table in after.tables where table.partitionOf == nil {
            let old = subject.before.table(table.name.schema, table.name.name)
            for column in table.columns where ["jsonb", "json"].contains(column.type) && (column.comment ?? "").isEmpty {
                guard old?.columns.contains(where: { $0.name == column.name }) != true else { continue }
                let statement = subject.file.statements.first { statement in
                    statement.tokens.contains { $0.identifier == column.name } && statement.tokens.contains { $0.identifier == table.name.name }
                }
                let token = statement?.tokens.first { $0.identifier == column.name }
                findings.append(subject.file.finding(self, "new \(column.type.uppercased()) column \(table.name.name).\(column.name) has no comment "
                                                     + "describing its shape (COMMENT ON COLUMN … IS '…')", at: statement, token: token))
            }
        }
        return findings
    }
}
