import CLibPQ

/// The rows a statement returned, read from libpq's `PGresult` as they are asked for.
///
/// The result owns its `PGresult` (cleared when the last row referring to it
/// goes), so a value becomes a Swift string only when read: a 5,000-table
/// catalog returns over a million values, and copying each into its own string
/// and row array up front, then freeing them, cost the client of a 5,000-table
/// diff 0.12 of its 1.04 CPU-seconds. A `PGresult` has no tie to its connection and, being read-only,
/// may be read from any thread (libpq's documentation says so).
public struct QueryResult: Sendable {
    public let columnNames: [String]
    public let rows: [Row]
    /// The command tag (`CREATE TABLE`, `INSERT 0 1`).
    public let commandStatus: String
    /// Rows affected, for INSERT / UPDATE / DELETE.
    public let affectedRows: Int?

    /// Takes ownership of `result`.
    init(taking result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        var names: [String] = []
        names.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            names.append(String(cString: PQfname(result, Int32(column))))
        }
        let storage = ResultStorage(result: result, columns: ColumnIndex(names: names))
        self.columnNames = names
        self.rows = (0..<rowCount).map { Row(storage: storage, row: Int32($0)) }
        self.commandStatus = String(cString: PQcmdStatus(result))
        let tuples = String(cString: PQcmdTuples(result))
        self.affectedRows = Int(tuples)
    }
}

/// A `PGresult` and its column names, shared by every row of a result.
final class ResultStorage: @unchecked Sendable {
    let result: OpaquePointer
    let columns: ColumnIndex

    init(result: OpaquePointer, columns: ColumnIndex) {
        self.result = result
        self.columns = columns
    }

    deinit {
        PQclear(result)
    }

    func withBytes<T>(row: Int32, column: Int, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        let column = Int32(column)
        if PQgetisnull(result, row, column) == 1 { return try body(nil) }
        let length = Int(PQgetlength(result, row, column))
        return try body(UnsafeRawBufferPointer(start: UnsafeRawPointer(PQgetvalue(result, row, column)!), count: length))
    }

    func value(row: Int32, column: Int) -> String? {
        withBytes(row: row, column: column) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }
}
