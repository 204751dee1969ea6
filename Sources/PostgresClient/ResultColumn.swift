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

    public func string(_ column: ResultColumn) throws -> String { try required(optionalString(column), column) }

    public func int(_ column: ResultColumn) throws -> Int { try required(optionalInt(column), column) }

    /// Parsed from the value's bytes, without making a string of them.
    public func optionalInt(_ column: ResultColumn) throws -> Int? {
        try parsed(column, as: "Int", Self.integer)
    }

    public func bool(_ column: ResultColumn) throws -> Bool { try required(optionalBool(column), column) }

    /// `t` / `true` or `f` / `false`.
    public func optionalBool(_ column: ResultColumn) throws -> Bool? {
        try parsed(column, as: "Bool") { bytes in
            if bytes.elementsEqual("t".utf8) || bytes.elementsEqual("true".utf8) { return true }
            if bytes.elementsEqual("f".utf8) || bytes.elementsEqual("false".utf8) { return false }
            return nil
        }
    }

    /// A PostgreSQL array of text (`{a,"b c",NULL}`) as Swift strings; NULL elements are dropped.
    public func stringArray(_ column: ResultColumn) -> [String] {
        guard let text = optionalString(column) else { return [] }
        return PostgresArray.parse(text).compactMap { $0 }
    }

    public func withBytes<T>(_ column: ResultColumn, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        try storage.withBytes(row: row, column: column.index, body)
    }

    private func required<T>(_ value: T?, _ column: ResultColumn) throws -> T {
        guard let value else { throw RowError.unexpectedNull(column: column.name) }
        return value
    }

    /// The value parsed by `parse` (nil: not of `type`); nil for NULL.
    private func parsed<T>(_ column: ResultColumn, as type: String, _ parse: (UnsafeRawBufferPointer) -> T?) throws -> T? {
        try storage.withBytes(row: row, column: column.index) { bytes in
            guard let bytes else { return nil }
            guard let value = parse(bytes) else {
                throw RowError.notOfType(column: column.name, value: String(decoding: bytes, as: UTF8.self), type: type)
            }
            return value
        }
    }

    /// `Int(text)`, with the common case (up to 18 digits, an optional minus)
    /// read in place; anything else (a plus sign, a long number that might
    /// overflow, no number at all) by Swift's own parser.
    private static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let slow = { Int(String(decoding: bytes, as: UTF8.self)) }
        guard !bytes.isEmpty, bytes.count <= 18 else { return slow() }
        let negative = bytes[0] == UInt8(ascii: "-")
        let digits = negative ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            let digit = Int(byte) &- 48
            guard digit >= 0, digit <= 9 else { return slow() }
            value = value * 10 + digit
        }
        return negative ? -value : value
    }
}
