import CLibPQ

/// The rows a statement returned, copied out of libpq's `PGresult`.
///
/// Copying makes results plain values (Sendable, no lifetime tied to the
/// connection); catalog results are small enough that the copy is cheap.
public struct QueryResult: Sendable {
    public let columnNames: [String]
    public let rows: [Row]
    /// The command tag (`CREATE TABLE`, `INSERT 0 1`).
    public let commandStatus: String
    /// Rows affected, for INSERT / UPDATE / DELETE.
    public let affectedRows: Int?

    init(_ result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        var names: [String] = []
        names.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            names.append(String(cString: PQfname(result, Int32(column))))
        }
        let index = ColumnIndex(names: names)
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(Row(columns: index, values: values))
        }
        self.columnNames = names
        self.rows = rows
        self.commandStatus = String(cString: PQcmdStatus(result))
        let tuples = String(cString: PQcmdTuples(result))
        self.affectedRows = Int(tuples)
    }
}
