/// A table constraint: primary key, unique, check, foreign key or exclusion, or a not-null
/// constraint `NOT VALID` (PostgreSQL 18).
public struct Constraint: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case primaryKey = "PRIMARY KEY"
        case unique = "UNIQUE"
        case check = "CHECK"
        case foreignKey = "FOREIGN KEY"
        case exclusion = "EXCLUDE"
        /// `ADD CONSTRAINT name NOT NULL column NOT VALID` (18): NOT NULL for the rows written
        /// from then on, not yet for those already there. Only such a one is a constraint of the
        /// model; a valid NOT NULL is its column's `notNull`, and this one's column has none.
        case notNull = "NOT NULL"
    }

    public struct ForeignKey: Codable, Hashable, Sendable {
        public var referencedTable: QualifiedName
        public var referencedColumns: [String]
        /// `NO ACTION`, `RESTRICT`, `CASCADE`, `SET NULL`, `SET DEFAULT`.
        public var onDelete: String
        public var onUpdate: String
        /// `SIMPLE`, `FULL`, `PARTIAL`.
        public var match: String

        public init(referencedTable: QualifiedName, referencedColumns: [String], onDelete: String, onUpdate: String, match: String) {
            self.referencedTable = referencedTable
            self.referencedColumns = referencedColumns
            self.onDelete = onDelete
            self.onUpdate = onUpdate
            self.match = match
        }
    }

    public var name: String
    public var kind: Kind
    /// As `pg_get_constraintdef` gives it: the whole truth, compared as text.
    public var definition: String
    /// The constrained columns, in key order.
    public var columns: [String]
    public var foreignKey: ForeignKey?
    public var deferrable: Bool
    public var initiallyDeferred: Bool
    /// False for `NOT VALID`.
    public var validated: Bool
    public var comment: String?
    /// For a primary key, unique or exclusion constraint: the comment on the index behind it
    /// (`COMMENT ON INDEX`, apart from the constraint's own, as pg_dump keeps it).
    public var indexComment: String? = nil
    /// A check an inheritance child declares itself and also inherits (`conislocal` with
    /// `coninhcount > 0`): it stays on the child when its parent drops it. nil for one only
    /// inherited or only the table's own.
    public var inheritedAndLocal: Bool? = nil
    /// For a partition's primary key, unique or exclusion constraint: the index of its parent
    /// table that this one's index is attached to (a key constraint's name, or a plain unique
    /// index's). The server attaches a matching one by itself when it can choose, and may choose
    /// another; pg_dump writes the attachment (`ALTER INDEX … ATTACH PARTITION`).
    public var attachedTo: String? = nil
    /// For a partitioned table's key: its index is not valid yet, added `ALTER TABLE ONLY` and
    /// not every partition's attached (pg_dump's form before the attachments). nil otherwise.
    public var incomplete: Bool? = nil

    /// A primary key, unique or exclusion constraint: one with an index of its own (named as it is).
    public var hasIndex: Bool { kind == .primaryKey || kind == .unique || kind == .exclusion }

    public init(name: String, kind: Kind, definition: String, columns: [String] = [], foreignKey: ForeignKey? = nil,
                deferrable: Bool = false, initiallyDeferred: Bool = false, validated: Bool = true, comment: String? = nil) {
        self.name = name
        self.kind = kind
        self.definition = definition
        self.columns = columns
        self.foreignKey = foreignKey
        self.deferrable = deferrable
        self.initiallyDeferred = initiallyDeferred
        self.validated = validated
        self.comment = comment
    }
}
