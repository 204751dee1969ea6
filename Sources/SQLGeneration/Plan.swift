import SchemaModel

/// The statements that turn one schema into another, in the order they run,
/// with what the reader should know first.
public struct Plan: Sendable, Hashable {
    public var statements: [Statement]
    /// Said at the top: possible renames, objects planned as a drop and a create.
    public var notes: [String]
    /// The objects the diff behind the plan changes (nil for a plan made by hand):
    /// where a proof starts its scope (`ProofScope`).
    public var changedObjects: Set<ObjectID>? = nil
    /// Indexes, constraints and stored generated columns of tables that stay, computed again
    /// because a function they call is replaced with other results (or a text search
    /// configuration they name changes), with the function's or configuration's name; and
    /// materialized views refreshed because their query reads one, or a view given another
    /// query, with its name: `schemactl lint` asks a migration that replaces one to do the same.
    public var recomputed: [ObjectID: QualifiedName] = [:]

    public init(statements: [Statement], notes: [String] = []) {
        self.statements = statements
        self.notes = notes
    }

    public var isEmpty: Bool { statements.isEmpty }

    /// What the plan destroys, one line per statement that does.
    public var dataLoss: [String] {
        statements.flatMap { statement in
            statement.hazards.compactMap { hazard -> String? in
                if case let .dataLoss(what) = hazard { return what }
                return nil
            }
        }
    }

    /// The notes that name a possible rename or move (`--rename` keeps the data): a loss the
    /// user may not mean.
    public var possibleRenames: [String] { notes.filter { $0.hasPrefix("possible rename") || $0.hasPrefix("possible move") } }

    /// Whether any statement must run outside a transaction block.
    public var needsNoTransaction: Bool { statements.contains { $0.outsideTransaction } }

    /// The plan as SQL: notes, then each statement with its hazards as comments above it.
    public var sql: String {
        var parts = notes.map(SQLWriting.lineComment)
        if !parts.isEmpty { parts.append("") }
        parts += statements.map(\.annotated)
        return parts.joined(separator: "\n") + (parts.isEmpty ? "" : "\n")
    }
}
