import SQLGeneration

/// `ADD CONSTRAINT … CHECK / FOREIGN KEY` validated at once on a table that may hold rows.
struct ConstraintWithoutNotValid: LintRule {
    let id = "constraint-without-not-valid"
    let summary = "ADD CONSTRAINT (CHECK or FOREIGN KEY) without NOT VALID on a table an earlier migration created."
    let explanation = """
        Adding a CHECK or FOREIGN KEY constraint checks every existing row while holding a lock that blocks writes \
        (ACCESS EXCLUSIVE for a CHECK; SHARE ROW EXCLUSIVE on both tables for a foreign key). Add it NOT VALID, which \
        only checks new rows, then VALIDATE CONSTRAINT in a later statement or migration: validation takes a lock \
        that lets reads and writes go on.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        subject.alterActionsOnExistingTables().compactMap { statement, table, action in
            guard subject.hazards.contains(.validation(table)), let first = action.first, first.isWord("ADD") else { return nil }
            let words = action.filter { $0.depth == 0 }
            let kind = words.first { $0.isWord("CHECK") || $0.isWord("FOREIGN") }
            guard let kind, !zip(words, words.dropFirst()).contains(where: { $0.isWord("NOT") && $1.isWord("VALID") }) else { return nil }
            return subject.file.finding(self, "adds a \(kind.isWord("CHECK") ? "CHECK" : "FOREIGN KEY") constraint to \(table.schema).\(table.name), "
                                        + "which existed before this migration, without NOT VALID: every row is checked under a lock "
                                        + "that blocks writes", at: statement, token: first)
        }
    }
}
