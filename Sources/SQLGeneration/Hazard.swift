import SQLText
import SchemaModel

/// What a statement may do to a database that holds data: what a reviewer must
/// weigh before running it on production.
public enum Hazard: Hashable, Sendable, CustomStringConvertible {
    /// Rows or values are destroyed: a dropped table or column, a removed enum
    /// value, a narrowed type, a column rebuilt because PostgreSQL cannot change it in place.
    case dataLoss(String)
    /// The table is rewritten whole (a type change, `SET LOGGED`).
    case tableRewrite(QualifiedName)
    /// An `ACCESS EXCLUSIVE` lock on a table that already existed (and so may hold rows).
    case accessExclusiveLock(QualifiedName)
    /// An index is built over existing rows.
    case indexBuild(QualifiedName)
    /// A constraint is checked against every existing row.
    case validation(QualifiedName)
    /// A materialized view is made with its data over tables that existed: its query runs
    /// over their rows, inside the plan's transaction (and its indexes are built after).
    case fill(QualifiedName)
    /// A publication lets go of tables while the plan changes them (`Planner.Work.publicationTablesAside`),
    /// in a plan that runs outside a transaction: until the statement that gives them back,
    /// rows written to them are not sent to the publication's subscribers. (In one
    /// transaction no other session sees the gap, and this is not said.)
    case unpublished(publication: String, tables: [QualifiedName])
    /// Rows of a default partition within a partition's bounds move to it (`DELETE … RETURNING`,
    /// then `INSERT`): the server refuses a partition whose bounds its default holds rows in.
    /// Their row triggers fire on both sides.
    case rowsMoved(from: QualifiedName, to: QualifiedName)
    /// Rows of a partition that takes other bounds, outside the new ones, move to its parent's
    /// default partition or to the partitions that take them (the server refuses to attach it
    /// while it holds one). Their row triggers fire.
    case rowsMovedOut(from: QualifiedName, to: QualifiedName)
    /// A default partition detached while its rows move (`rowsMoved`), in a plan that runs outside
    /// a transaction: until it is attached again, a row written to its parent that only it would
    /// take is refused. (In one transaction no other session sees it detached.)
    case defaultDetached(QualifiedName)

    public var description: String {
        switch self {
        case let .dataLoss(what): return "data loss: \(what)"
        case let .tableRewrite(table): return "table rewrite: \(table.sql)"
        case let .accessExclusiveLock(table): return "ACCESS EXCLUSIVE lock on \(table.sql)"
        case let .indexBuild(table): return "index build on \(table.sql)"
        case let .validation(table): return "validation scans \(table.sql)"
        case let .fill(view): return "\(view.sql) is filled: its query runs over the rows it reads"
        case let .unpublished(publication, tables):
            return "publication \(SQLQuoting.identifier(publication)) does not publish \(tables.map(\.sql).joined(separator: ", ")) until the plan "
                + "gives \(tables.count == 1 ? "it" : "them") back: outside a transaction, rows written in between do not reach its subscribers"
        case let .rowsMoved(from, to):
            return "rows of \(from.sql) within the bounds of \(to.sql) move there (deleted and inserted: their row triggers fire)"
        case let .rowsMovedOut(from, to):
            return "rows of \(from.sql) outside its new bounds move to \(to.sql) (deleted and inserted: their row triggers fire)"
        case let .defaultDetached(table):
            return "\(table.sql) is detached until the plan attaches it again: outside a transaction, rows only it would take are refused in between"
        }
    }

    public var isDataLoss: Bool {
        if case .dataLoss = self { return true }
        return false
    }
}
