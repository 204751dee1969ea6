import SQLGeneration
import SQLText
import SchemaModel

/// A function replaced with other results (or a text search configuration changed) under an
/// index, a check or a stored generated column of an existing table, which the migration does
/// not build again: the planner's own plan would (`Plan.recomputed`).
struct StaleStoredResults: LintRule {
    let id = "stale-stored-results"
    let summary = "A function replaced under an index, a check or a generated column that keeps the old results."
    let explanation = """
        CREATE OR REPLACE FUNCTION with another body (or language, strictness, SET settings) changes what the \
        function returns, but PostgreSQL recomputes nothing it stored from the old results: an index over it keeps \
        the old values, so a query through it finds rows by them (as through a corrupt index); a stored generated \
        column keeps the old values; a check was only ever checked against the old ones. So does a text search \
        configuration whose mapping changes under to_tsvector. In the same migration, build them again: drop and \
        create the index (REINDEX from the session that replaced an inlined SQL function uses the cached old \
        expression), drop and add the check, and ALTER COLUMN … SET EXPRESSION (17 and later) or drop and add the \
        generated column. `schemactl generate` writes this.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let recomputed = subject.plan?.recomputed, !recomputed.isEmpty else { return [] }
        let statements = subject.file.statements
        let named = statements.map { Set($0.tokens.compactMap(\.identifier)) }
        // Left stale: on a table an earlier migration made, and named by no statement after the
        // one that replaces its function (a DROP, CREATE or REINDEX of it, its column set again).
        var stale: [QualifiedName: [ObjectID]] = [:]
        for (member, cause) in recomputed {
            guard let table = member.parent, table.kind == .table, subject.existed(QualifiedName(schema: table.schema ?? "public", name: table.name)) else { continue }
            let from = replacing(cause, in: statements) ?? 0
            let rebuilt = named[from...].contains { words in
                words.contains(member.name) || (words.contains("reindex") && words.contains(table.name))
            }
            if !rebuilt { stale[cause, default: []].append(member) }
        }
        return stale.keys.sorted().map { cause in
            let members = stale[cause]!.sorted { $0.sql.precedes($1.sql) }
            let what = members.prefix(3).map(\.description).joined(separator: ", ") + (members.count > 3 ? " and \(members.count - 3) more" : "")
            let at = replacing(cause, in: statements).map { statements[$0] }
            return subject.file.finding(self, "changes what \(cause.schema).\(cause.name) gives, and \(what) keep\(members.count == 1 ? "s" : "") "
                                        + "what it gave before: build \(members.count == 1 ? "it" : "them") again in this migration", at: at)
        }
    }

    /// The statement that replaces function `name` or alters the text search configuration: its index.
    private func replacing(_ name: QualifiedName, in statements: [LintStatement]) -> Int? {
        statements.firstIndex { statement in
            let replaces = statement.starts(with: "CREATE") && (statement.has("FUNCTION") || statement.has("PROCEDURE"))
                || statement.starts(with: "ALTER", "TEXT", "SEARCH")
            return replaces && statement.tokens.contains { $0.identifier == name.name }
        }
    }
}
