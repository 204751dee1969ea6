/// The guide: every migration records itself with `INSERT INTO schema_versions (version, description)`.
struct VersionNotRecorded: LintRule {
    let id = "version-not-recorded"
    let severity = LintFinding.Severity.error
    let summary = "A migration that does not record its own version in schema_versions, or records another."
    let explanation = """
        schema_versions is how every environment knows what it has applied. A migration that records nothing is applied \
        again by the next run; one that records another version (a copied file whose INSERT was not edited) marks the wrong \
        migration as applied. The version is the file name without .sql: \
        INSERT INTO schema_versions (version, description) VALUES ('20230601_add_email_templates', '…');
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        let inserts = subject.file.statements.filter { statement in
            statement.starts(with: "INSERT", "INTO")
                && StatementReading.name(in: statement.tokens, at: 2).map { $0.parts.last == "schema_versions" } == true
        }
        if inserts.contains(where: { $0.tokens.contains { $0.kind == .string && $0.value == subject.version } }) { return [] }
        if let insert = inserts.first, let recorded = insert.tokens.first(where: { $0.kind == .string }) {
            return [subject.file.finding(self, "records '\(recorded.value)' in schema_versions, not its own version '\(subject.version)'",
                                         at: insert, token: recorded)]
        }
        return [subject.file.finding(self, "does not record its version '\(subject.version)' in schema_versions")]
    }
}
