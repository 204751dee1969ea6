/// An index column's `SET STATISTICS` (`ALTER INDEX … ALTER COLUMN 2 SET STATISTICS 500`): how
/// many values `ANALYZE` samples of an expression the index holds, which the planner's estimates
/// for that expression rest on. Only an expression column takes one; the column is named by its
/// position in the index, as the statement names it.
public struct IndexStatisticsTarget: Codable, Hashable, Sendable {
    /// The column's position in the index, from 1.
    public var column: Int
    public var target: Int

    public init(column: Int, target: Int) {
        self.column = column
        self.target = target
    }

    /// A column's target among `targets`: `-1`, the default on every major, where none is set.
    public static func target(of column: Int, in targets: [IndexStatisticsTarget]?) -> Int {
        targets?.first { $0.column == column }?.target ?? -1
    }

    /// The columns whose target differs between `old` and `new`, in order.
    public static func columnsChanged(from old: [IndexStatisticsTarget]?, to new: [IndexStatisticsTarget]?) -> [Int] {
        Set(((old ?? []) + (new ?? [])).map(\.column)).filter { target(of: $0, in: old) != target(of: $0, in: new) }.sorted()
    }
}
