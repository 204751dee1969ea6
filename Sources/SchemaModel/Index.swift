/// An index that does not back a constraint (those are part of their constraint),
/// on a table or a materialized view.
public struct Index: Codable, Hashable, Sendable {
    public var name: String
    /// As `pg_get_indexdef` gives it: the whole truth, compared as text.
    public var definition: String
    public var unique: Bool
    /// `btree`, `gin`, `gist`, `brin`, `hash`, …
    public var method: String
    /// Key columns or expressions, each as the server deparses it.
    public var keys: [String]
    /// Non-default operator classes, by key position (nil where the default is used).
    public var operatorClasses: [String?]
    /// `INCLUDE (…)` columns.
    public var include: [String]
    /// `WHERE …` of a partial index.
    public var predicate: String?
    public var comment: String?
    /// Not valid (`indisvalid` false): a `CREATE INDEX CONCURRENTLY` that failed, or an
    /// index of a partitioned table not yet attached on every partition. The planner ignores it.
    public var invalid: Bool = false
    /// For an index of a partition: the index of the partitioned parent it is attached to
    /// (`ALTER INDEX … ATTACH PARTITION`, or made by the parent's `CREATE INDEX`), by name,
    /// in the parent table's schema; nil when it stands alone.
    public var attachedTo: String? = nil
    /// Its expression columns' `SET STATISTICS`, by column; nil when none is set. A partitioned
    /// table's index passes its own to its partitions' indexes when set, not to those attached later.
    public var statisticsTargets: [IndexStatisticsTarget]? = nil

    /// Its statistics targets as the diff and the outline show them (`column 2: 500`); nil when none.
    public var statisticsText: String? {
        statisticsTargets.map { $0.map { "column \($0.column): \($0.target)" }.joined(separator: ", ") }
    }

    public init(name: String, definition: String, unique: Bool = false, method: String = "btree", keys: [String] = [],
                operatorClasses: [String?] = [], include: [String] = [], predicate: String? = nil, comment: String? = nil) {
        self.name = name
        self.definition = definition
        self.unique = unique
        self.method = method
        self.keys = keys
        self.operatorClasses = operatorClasses
        self.include = include
        self.predicate = predicate
        self.comment = comment
    }
}
