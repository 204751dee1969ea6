/// The random history's publications: made over one or two of its tables, whole or with a
/// column list or row filter; tables added, dropped and set; options changed; dropped. The
/// edits that drop, retype or rename a column or a table keep them true (`around`, `forget`,
/// `renameColumn`, `renameTable`, `persistenceEdit`), as a history on a real server must.
extension RandomHistory {
    /// Tables a publication may name: not partitioned (a row filter or column list on one needs
    /// `publish_via_partition_root`), not unlogged (the server refuses those).
    var publishable: [Int] { tables.indices.filter { !tables[$0].partitioned && !tables[$0].unlogged } }

    /// A new entry for the table at `index`: whole, or (where filters are allowed) with its key
    /// and another column as its list, or a row filter over a column of a built-in type (the
    /// server refuses a user-defined type in a row filter). Generated columns stay out of lists
    /// (15 to 17 refuse them).
    mutating func published(_ index: Int) -> Published {
        let table = tables[index]
        let others = table.columns.dropFirst().filter { !$0.generated }
        let builtIn = others.filter { column in
            ["integer", "bigint", "text", "boolean", "numeric", "varchar", "tstzrange"].contains { column.type == $0 || column.type.hasPrefix($0 + "(") }
                || column.type.hasPrefix("text COLLATE")
        }
        guard publicationFilters, !others.isEmpty else { return Published(table: table.name) }
        switch random.next() % 3 {
        case 0: return Published(table: table.name, columns: [table.columns[0].name, pick(others.map(\.name))])
        case 1 where !builtIn.isEmpty: return Published(table: table.name, filter: pick(builtIn.map(\.name)))
        default: return Published(table: table.name)
        }
    }

    mutating func publicationEdit() -> String {
        let candidates = publishable
        guard !candidates.isEmpty else { return comment() }
        guard let position = publications.indices.last, !chance(30) else {
            var entries = [published(pick(candidates))]
            let second = published(pick(candidates))
            if chance(50), second.table != entries[0].table { entries.append(second) }
            let name = fresh("pub")
            publications.append(Publication(name: name, tables: entries))
            return "CREATE PUBLICATION \(name) FOR TABLE " + entries.map(\.sql).joined(separator: ", ")
        }
        let name = publications[position].name
        let named = Set(publications[position].tables.map(\.table))
        switch random.next() % 5 {
        case 0:
            guard let index = candidates.first(where: { !named.contains(tables[$0].name) }) else { return "ALTER PUBLICATION \(name) SET (publish = 'insert')" }
            let entry = published(index)
            publications[position].tables.append(entry)
            return "ALTER PUBLICATION \(name) ADD TABLE \(entry.sql)"
        case 1:
            guard let gone = publications[position].tables.first else { return "ALTER PUBLICATION \(name) SET (publish = 'insert, update')" }
            publications[position].tables.removeFirst()
            return "ALTER PUBLICATION \(name) DROP TABLE ONLY \(gone.table)"
        case 2:
            // Every table it names given another list or filter, and one more maybe.
            var entries: [Published] = []
            for table in named.sorted() {
                if let index = tables.firstIndex(where: { $0.name == table }) { entries.append(published(index)) }
            }
            if chance(50), let index = candidates.first(where: { !named.contains(tables[$0].name) }) { entries.append(published(index)) }
            guard !entries.isEmpty else { return "ALTER PUBLICATION \(name) SET (publish = 'delete')" }
            publications[position].tables = entries
            return "ALTER PUBLICATION \(name) SET TABLE " + entries.map(\.sql).joined(separator: ", ")
        case 3:
            return "ALTER PUBLICATION \(name) SET (publish = '\(pick(["insert", "insert, update, delete", "insert, update, delete, truncate"]))')"
        default:
            publications.remove(at: position)
            return "DROP PUBLICATION \(name)"
        }
    }

    /// The tables `gone` accepts, out of every publication (dropped, or taken out by a cascade).
    mutating func forgetPublished(_ gone: (Published) -> Bool) {
        for position in publications.indices { publications[position].tables.removeAll(where: gone) }
    }

    /// Each publication's tables changed by `edit` (a table or column renamed).
    mutating func editPublished(_ edit: (inout Published) -> Void) {
        for position in publications.indices {
            for entry in publications[position].tables.indices { edit(&publications[position].tables[entry]) }
        }
    }
}
