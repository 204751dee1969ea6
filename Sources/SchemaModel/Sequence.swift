/// A sequence made with CREATE SEQUENCE or SERIAL. Identity columns' sequences are
/// not here: they are part of their column (`Column.identity`).
public struct Sequence: Codable, Hashable, Sendable {
    public var name: QualifiedName
    public var options: SequenceOptions
    /// The column that owns it (`OWNED BY`), as `schema.table.column`.
    public var ownedBy: ColumnReference?
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []
    /// `CREATE UNLOGGED SEQUENCE` (PostgreSQL 15 and later).
    public var unlogged: Bool = false

    public init(name: QualifiedName, options: SequenceOptions, ownedBy: ColumnReference? = nil, comment: String? = nil) {
        self.name = name
        self.options = options
        self.ownedBy = ownedBy
        self.comment = comment
    }
}

/// The options of a sequence or of an identity column.
public struct SequenceOptions: Codable, Hashable, Sendable {
    public var dataType: String
    public var start: Int64
    public var increment: Int64
    public var minValue: Int64
    public var maxValue: Int64
    public var cache: Int64
    public var cycle: Bool

    public init(dataType: String, start: Int64, increment: Int64, minValue: Int64, maxValue: Int64, cache: Int64, cycle: Bool) {
        self.dataType = dataType
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
    }
}

/// A column of a table, by the table's qualified name and the column's name.
public struct ColumnReference: Codable, Hashable, Sendable {
    public var table: QualifiedName
    public var column: String

    public init(table: QualifiedName, column: String) {
        self.table = table
        self.column = column
    }
}
