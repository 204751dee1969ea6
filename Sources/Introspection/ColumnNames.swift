import SchemaModel

/// Column names by table and attribute number, from the columns query.
///
/// Keyed by the table's oid, not its name: every constraint and index looks
/// its columns up here, 45,000 lookups a side at 5,000 tables, and hashing an
/// oid is much cheaper than hashing two strings.
struct ColumnNames {
    struct Entry {
        var name: String
        /// As quote_ident gives it, as pg_get_indexdef prints a plain key column.
        var quoted: String
        var typeOID: String
        var collationOID: String
    }

    /// Per table, entries by attribute number (dropped columns leave nil).
    private var byTable: [UInt32: [Entry?]] = [:]

    init(_ columns: [(Column, Entry, tableOID: UInt32)]) {
        func place(_ entry: Entry, at position: Int, in entries: inout [Entry?]) {
            if entries.count <= position { entries += Array(repeating: nil, count: position + 1 - entries.count) }
            entries[position] = entry
        }
        for (column, entry, table) in columns where column.position > 0 {
            place(entry, at: column.position, in: &byTable[table, default: []])
        }
    }

    /// Column `number` of the table `oid`; `query` names the catalog query asking.
    func entry(_ oid: UInt32, _ number: String, query: String = "indexes") throws -> Entry {
        guard let value = Int(number), let entry = self.entry(oid, value) else {
            throw IntrospectionError(query: query, underlying: "the table with oid \(oid) has no column number \(number)")
        }
        return entry
    }

    func entries(_ oid: UInt32, _ numbers: [String], query: String) throws -> [Entry] {
        try numbers.map { try entry(oid, $0, query: query) }
    }

    /// The real columns among `numbers`: a check's or an exclusion constraint's
    /// `conkey` also holds 0 (an expression, a whole-row reference) and negative
    /// numbers (system columns such as `tableoid`), which name no column of the model.
    func userColumns(_ oid: UInt32, _ numbers: [String]) -> [Entry] {
        numbers.compactMap { Int($0).flatMap { entry(oid, $0) } }
    }

    /// The quoted name of column `number` of the table `oid`, for the expression deparser.
    func quotedName(_ oid: UInt32, _ number: Int) -> String? {
        entry(oid, number)?.quoted
    }

    private func entry(_ oid: UInt32, _ number: Int) -> Entry? {
        guard let entries = byTable[oid], number > 0, number < entries.count else { return nil }
        return entries[number]
    }
}
