/// A column of one result, found by name once: decoders of large results
/// (50,000 rows of 20 columns for a 5,000-table catalog) read every row
/// through it, instead of searching the column names for every value.
public struct ResultColumn: Sendable {
    public let name: String
    let index: Int
}

extension QueryResult {
    /// The column called `name`; throws `RowError.noSuchColumn` when there is none.
    public func column(_ name: String) throws -> ResultColumn {
        guard let index = columnNames.firstIndex(of: name) else {
            throw RowError.noSuchColumn(name, available: columnNames)
        }
        return ResultColumn(name: name, index: index)
    }
}

extension Row {
    public func optionalString(_ column: ResultColumn) -> String? {
        storage.value(row: row, column: column.index)
    }

    public func string(_ column: ResultColumn) throws -> String {
        guard let value = storage.value(row: row, column: column.index) else { throw RowError.unexpectedNull(column: column.name) }
        return value
    }

    /// Parsed from the value's bytes, without making a string of them.
    public func int(_ column: ResultColumn) throws -> Int {
        try storage.withBytes(row: row, column: column.index) { bytes in
            guard let bytes else { throw RowError.unexpectedNull(column: column.name) }
            guard let value = Self.integer(bytes) else {
                throw RowError.notOfType(column: column.name, value: String(decoding: bytes, as: UTF8.self), type: "Int")
            }
            return value
        }
    }

    /// `t` or `f`, read from the value's first byte.
    public func bool(_ column: ResultColumn) throws -> Bool {
        try storage.withBytes(row: row, column: column.index) { bytes in
            guard let bytes else { throw RowError.unexpectedNull(column: column.name) }
            switch (bytes.count, bytes.first) {
            case (1, UInt8(ascii: "t")?): return true
            case (1, UInt8(ascii: "f")?): return false
            default: throw RowError.notOfType(column: column.name, value: String(decoding: bytes, as: UTF8.self), type: "Bool")
            }
        }
    }

    public func stringArray(_ column: ResultColumn) -> [String] {
        guard let text = storage.value(row: row, column: column.index) else { return [] }
        return PostgresArray.parse(text).compactMap { $0 }
    }

    public func withBytes<T>(_ column: ResultColumn, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        try storage.withBytes(row: row, column: column.index, body)
    }

    private static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value &* 10 &+ digit
            index += 1
        }
        return negative ? -value : value
    }
}
