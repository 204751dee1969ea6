/// The guide: "Wrap migrations in transactions to ensure atomicity".
struct NoTransaction: LintRule {
    let id = "no-transaction"
    let severity = LintFinding.Severity.error
    let summary = "A migration or rollback that is not one BEGIN … COMMIT block."
    let explanation = """
        A migration whose statements run one by one can fail half-way and leave the database between two versions, \
        with no record of which part ran. The guide wraps every migration and rollback in BEGIN; … COMMIT;. A file \
        whose statements cannot run in a transaction (CREATE INDEX CONCURRENTLY) says so on its first line with \
        `-- schemactl:no-transaction`, and this rule leaves it alone.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        [subject.file, subject.rollback].compactMap { $0 }.compactMap { file in
            guard !file.runsOutsideTransaction else { return nil }
            if let first = file.statements.first, first.isBegin, let last = file.statements.last, last.isCommit, file.statements.count > 1 {
                return nil
            }
            return file.finding(self, "is not wrapped in BEGIN; … COMMIT; (or marked -- schemactl:no-transaction on its first line)")
        }
    }
}
