/// The guide's rollback: `UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '…'`.
struct RollbackNotMarked: LintRule {
    let id = "rollback-not-marked"
    let severity = LintFinding.Severity.error
    let summary = "A rollback that does not mark its version rolled back in schema_versions."
    let explanation = """
        After a rollback, schema_versions must say the version is no longer applied, or every tool (and every person) \
        reading it believes the schema still has the migration's changes. The guide's rollback begins with \
        UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '…';
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let rollback = subject.rollback else { return [] }
        let marks = rollback.statements.contains { statement in
            statement.starts(with: "UPDATE")
                && StatementReading.name(in: statement.tokens, at: 1).map { $0.parts.last == "schema_versions" } == true
                && statement.tokens.contains { $0.kind == .string && $0.value == subject.version }
                && statement.tokens.contains { $0.isWord("IS_ACTIVE") }
        }
        guard !marks else { return [] }
        return [rollback.finding(self, "does not mark '\(subject.version)' rolled back: UPDATE schema_versions SET is_active = FALSE, "
                                 + "rolled_back_at = NOW() WHERE version = '\(subject.version)'")]
    }
}
