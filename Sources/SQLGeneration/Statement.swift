import SQLText

/// One statement of a plan or of a schema script, with what a reader needs to
/// know before running it.
public struct Statement: Hashable, Sendable {
    /// The SQL, ending in a semicolon.
    public var sql: String
    /// Must run outside a transaction block (`CREATE INDEX CONCURRENTLY`, an
    /// enum value added where the major cannot do it inside one).
    public var outsideTransaction: Bool
    public var hazards: [Hazard]
    /// Said above the statement as `-- ` lines (a possible rename, a rebuild and why).
    public var notes: [String]
    /// For a statement guarded by a catalog lookup (`SQLWriting.unless`), its `IF … END IF;` block.
    var guardBlock: String? = nil

    public init(_ sql: String, outsideTransaction: Bool = false, hazards: [Hazard] = [], notes: [String] = []) {
        // What the server printed is written so that it reads back as printed (ReparsableText).
        let sql = ReparsableText.of(sql)
        self.sql = sql.hasSuffix(";") ? sql : sql + ";"
        self.outsideTransaction = outsideTransaction
        self.hazards = hazards
        self.notes = notes
    }

    /// The statement as a file shows it: each note and hazard as a comment above it.
    public var annotated: String {
        let comments = notes.map(SQLWriting.lineComment) + hazards.map { SQLWriting.lineComment("hazard: \($0)") }
            + (outsideTransaction ? ["-- runs outside a transaction"] : [])
        return (comments + [sql]).joined(separator: "\n")
    }
}
