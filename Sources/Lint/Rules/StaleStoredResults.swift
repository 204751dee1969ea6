import SQLGeneration
import SQLText
import SchemaModel

/// A function replaced with other results (or a text search configuration changed) under an
/// index, a check or a stored generated column of an existing table, or a materialized view
/// that reads it (or reads a view given another query), which the migration (or its rollback,
/// which replaces it back) does not build again or refresh: the planner's own plan would
/// (`Plan.recomputed`).
struct StaleStoredResults: LintRule {
    let id = "stale-stored-results"
    let summary = "A function replaced under an index, a check, a generated column or a materialized view that keeps the old results."
    let explanation = """
        CREATE OR REPLACE FUNCTION with another body (or language, strictness, SET settings) changes what the \
        function returns, but PostgreSQL recomputes nothing it stored from the old results: an index over it keeps \
        the old values, so a query through it finds rows by them (as through a corrupt index); a stored generated \
        column keeps the old values; a check was only ever checked against the old ones; a materialized view holds \
        the rows its query gave with the old function. The same for an operator whose function it is, an operator \
        class with it among its members (an index built by the class holds the old order), a text search \
        configuration whose mapping changes under to_tsvector, and a view given another query (CREATE OR REPLACE \
        VIEW) under a materialized view. In the same migration (and in its rollback, which puts the old function \
        back), build them again: drop and create the index (REINDEX from the session that replaced an inlined SQL \
        function uses the cached old expression), drop and add the check, ALTER COLUMN … SET EXPRESSION (17 and \
        later) or drop and add the generated column, and REFRESH MATERIALIZED VIEW. `schemactl generate` writes this.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let after = subject.after, let recomputed = subject.plan?.recomputed, !recomputed.isEmpty else { return [] }
        let held = { (model: DatabaseModel, name: QualifiedName) in
            model.table(name.schema, name.name) != nil || model.views.contains { $0.name == name && $0.materialized }
        }
        var findings = stale(recomputed, in: subject.file, existed: { held(subject.before, $0) })
        // The rollback runs from `after` back to `before`: its relations are those of `after`.
        if let rollback = subject.rollback {
            let back = Planner(from: after, to: subject.before).plan().recomputed
            findings += stale(back, in: rollback, existed: { held(after, $0) })
        }
        return findings
    }

    /// A finding at each statement of `file` that replaces a function (or alters a configuration)
    /// under members it does not build again: on a table that `existed`, and named by no
    /// statement after that one (a DROP, CREATE or REINDEX of it, its column set again).
    private func stale(_ recomputed: [ObjectID: QualifiedName], in file: LintedFile, existed: (QualifiedName) -> Bool) -> [LintFinding] {
        let statements = file.statements
        let named = statements.map { Set($0.tokens.compactMap(\.identifier)) }
        var stale: [QualifiedName: [ObjectID]] = [:]
        // The statement that changes each cause, looked for once.
        var at: [QualifiedName: Int?] = [:]
        for (member, cause) in recomputed {
            // A table's index, check or column; a materialized view, or its index.
            let relation = member.parent ?? member
            guard relation.kind == .table || relation.kind == .materializedView,
                  existed(QualifiedName(schema: relation.schema ?? "public", name: relation.name)) else { continue }
            if at[cause] == nil { at[cause] = .some(replacing(cause, in: statements)) }
            // A file that does not change it (a rollback that leaves it replaced) is another rule's.
            guard let from = at[cause]! else { continue }
            let rebuilt = named[from...].contains { words in
                member.parent == nil ? words.contains(member.name) && (words.contains("refresh") || words.contains("create"))
                    : words.contains(member.name) || (words.contains("reindex") && words.contains(relation.name))
            }
            if !rebuilt { stale[cause, default: []].append(member) }
        }
        return stale.keys.sorted().map { cause in
            let members = stale[cause]!.sorted { $0.sql.precedes($1.sql) }
            let what = members.prefix(3).map(\.description).joined(separator: ", ") + (members.count > 3 ? " and \(members.count - 3) more" : "")
            return file.finding(self, "changes what \(cause.schema).\(cause.name) gives, and \(what) keep\(members.count == 1 ? "s" : "") "
                                + "what it gave before: build \(members.count == 1 ? "it" : "them") again in this file",
                                at: at[cause]!.map { statements[$0] })
        }
    }

    /// The statement that replaces or alters function `name`, alters the text search
    /// configuration, or gives the view another query: its index.
    private func replacing(_ name: QualifiedName, in statements: [LintStatement]) -> Int? {
        statements.firstIndex { statement in
            if statement.starts(with: "CREATE", "OR", "REPLACE", "VIEW") || statement.starts(with: "CREATE", "VIEW") {
                return statement.word("VIEW").flatMap { SQLToken.qualifiedName(in: statement.tokens, at: $0 + 1)?.parts.last } == name.name
            }
            let replaces = statement.starts(with: "CREATE") && (statement.has("FUNCTION") || statement.has("PROCEDURE"))
                || statement.starts(with: "ALTER", "FUNCTION") || statement.starts(with: "ALTER", "TEXT", "SEARCH")
            return replaces && statement.tokens.contains { $0.identifier == name.name }
        }
    }
}
