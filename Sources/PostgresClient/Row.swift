/// One row of a result, with typed access by column name or index.
///
/// Values arrive in PostgreSQL's text format; the accessors parse them and throw
/// `RowError` rather than trap when a value is NULL or of the wrong shape.
public struct Row: Sendable {
    let storage: ResultStorage
    let row: Int32

    public var columnNames: [String] { storage.columns.names }

    /// Every value of the row, in column order.
    public var values: [String?] { storage.columns.names.indices.map { storage.value(row: row, column: $0) } }

    public subscript(index: Int) -> String? { storage.value(row: row, column: index) }

    public subscript(name: String) -> String? {
        guard let index = storage.columns.position(of: name) else { return nil }
        return storage.value(row: row, column: index)
    }

    /// The column called `name` of this row's result; the typed accessors by
    /// name find it and read through it, as decoders of large results do
    /// with columns found once (`QueryResult.column(_:)`).
    public func column(_ name: String) throws -> ResultColumn {
        guard let index = storage.columns.position(of: name) else {
            throw RowError.noSuchColumn(name, available: storage.columns.names)
        }
        return ResultColumn(name: name, index: index)
    }

    /// The value of a NOT NULL text column.
    public func string(_ column: String) throws -> String { try string(self.column(column)) }

    public func optionalString(_ column: String) throws -> String? { optionalString(try self.column(column)) }

    public func int(_ column: String) throws -> Int { try int(self.column(column)) }

    public func optionalInt(_ column: String) throws -> Int? { try optionalInt(self.column(column)) }

    public func bool(_ column: String) throws -> Bool { try bool(self.column(column)) }

    public func optionalBool(_ column: String) throws -> Bool? { try optionalBool(self.column(column)) }

    /// The raw bytes of a value, without making a string of them (nil for NULL),
    /// for parsers of large values such as a check constraint's node tree.
    public func withBytes<T>(_ column: String, _ body: (UnsafeRawBufferPointer?) throws -> T) throws -> T {
        try withBytes(self.column(column), body)
    }

    /// A PostgreSQL array of text (`{a,"b c",NULL}`) as Swift strings; NULL elements are dropped.
    public func stringArray(_ column: String) throws -> [String] { stringArray(try self.column(column)) }
}

/// Shared by every row of a result, so rows do not each copy the column names.
///
/// A linear search: results have a few dozen columns at most, and comparing
/// short strings beat hashing them (a million lookups for a 5,000-table catalog).
/// Lengths are compared first: most candidates differ in length, and a
/// length is one load where a string comparison is a call.
final class ColumnIndex: Sendable {
    let names: [String]
    private let lengths: [Int]

    init(names: [String]) {
        self.names = names
        self.lengths = names.map(\.utf8.count)
    }

    func position(of name: String) -> Int? {
        let length = name.utf8.count
        for index in names.indices where lengths[index] == length && names[index] == name { return index }
        return nil
    }
}

public enum RowError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchColumn(String, available: [String])
    case unexpectedNull(column: String)
    case notOfType(column: String, value: String, type: String)

    public var description: String {
        switch self {
        case let .noSuchColumn(name, available):
            return "the result has no column \"\(name)\" (it has: \(available.joined(separator: ", ")))"
        case let .unexpectedNull(column):
            return "column \"\(column)\" is NULL where a value was expected"
        case let .notOfType(column, value, type):
            return "column \"\(column)\" holds \"\(value)\", which is not a \(type)"
        }
    }
}
