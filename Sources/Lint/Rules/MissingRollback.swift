/// The guide: "Every migration should have a corresponding rollback script".
struct MissingRollback: LintRule {
    let id = "missing-rollback"
    let severity = LintFinding.Severity.error
    let summary = "A migration without its rollback file."
    let explanation = """
        The guide asks for a rollback beside every migration, YYYYMMDD_rollback_description.sql, that undoes it and \
        marks its version rolled back. Without one, `schemactl rollback` cannot undo the migration and `schemactl verify` \
        cannot prove that it can be undone. Write the rollback (or let `schemactl generate` write both files).
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard subject.rollback == nil else { return [] }
        return [subject.file.finding(self, "has no rollback: add the matching \(subject.version.prefix(8))_rollback_… file beside it")]
    }
}
