/// The random history's extension: `pg_trgm` at one of its versions, over a table of its own
/// with a trigram index and a view calling `similarity`. A later edit moves it to another
/// version: up along `ALTER EXTENSION … UPDATE TO`, down (no script leads back) by making it
/// again at that version with what uses it, as a history must. A plan back from an upgrade has
/// no update path, so it is made again (`PlanOptions.extensionsRemade`); one up updates it.
/// The table is the extension's alone: no other edit retypes its column under the operator class.
extension RandomHistory {
    /// pg_trgm's versions on the history's major: 1.6 from PostgreSQL 14 (as SQL-standard bodies).
    var trigramVersions: [String] { standardBodies ? ["1.3", "1.4", "1.5", "1.6"] : ["1.3", "1.4", "1.5"] }

    mutating func extensionEdit() -> String {
        guard trigrams else { return comment() }
        let uses = [
            "CREATE INDEX trgm_docs_body ON trgm_docs USING gin (body gin_trgm_ops)",
            "CREATE VIEW trgm_close AS SELECT id, similarity(body, 'schema') AS score FROM trgm_docs",
        ]
        guard let current = trigramVersion else {
            let version = pick(trigramVersions)
            trigramVersion = version
            return (["CREATE EXTENSION pg_trgm VERSION '\(version)'", "CREATE TABLE trgm_docs (id integer PRIMARY KEY, body text)"] + uses)
                .joined(separator: ";\n")
        }
        if chance(20) {
            trigramVersion = nil
            return "DROP VIEW trgm_close;\nDROP TABLE trgm_docs;\nDROP EXTENSION pg_trgm"
        }
        let version = pick(trigramVersions.filter { $0 != current })
        trigramVersion = version
        if trigramVersions.firstIndex(of: version)! > trigramVersions.firstIndex(of: current)! {
            return "ALTER EXTENSION pg_trgm UPDATE TO '\(version)'"
        }
        return (["DROP EXTENSION pg_trgm CASCADE", "CREATE EXTENSION pg_trgm VERSION '\(version)'"] + uses).joined(separator: ";\n")
    }
}
