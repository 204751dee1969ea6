import SQLText
import SchemaModel

/// An index added to a partitioned table in one statement, where the server's own names for
/// its partitions' indexes are the target's: `CREATE INDEX … ON parent` builds one on each
/// partition and attaches it, naming it as `ChooseIndexName` does (`partition_col_idx`, cut to
/// 63 bytes, a number after `idx` where the name is taken). Written as pg_dump writes it
/// (`ON ONLY`, one index per partition, each attached), the same index is 2N + 1 statements: at a
/// thousand partitions, three thousand lines to review. Online, the pg_dump form stays (each
/// partition's index is built `CONCURRENTLY`); so does any tree this cannot predict.
struct PartitionIndexNames {
    let before: ModelIndex
    let after: ModelIndex

    /// The indexes of partitioned tables to create in one statement, and the partitions'
    /// indexes that statement makes (not created apart).
    func wholeTreeIndexes(created: Set<ObjectID>) -> (parents: Set<ObjectID>, made: Set<ObjectID>) {
        var parents: Set<ObjectID> = [], made: Set<ObjectID> = []
        for id in created where id.kind == .index {
            guard let tableID = id.parent, let partitions = madeByParent(id, table: ModelIndex.name(tableID), created: created) else { continue }
            parents.insert(id)
            made.formUnion(partitions)
        }
        return (parents, made)
    }

    /// The partitions' indexes `CREATE INDEX` on `parent` would make under the target's names, or nil.
    private func madeByParent(_ id: ObjectID, table parent: QualifiedName, created: Set<ObjectID>) -> Set<ObjectID>? {
        guard let table = after.tables[parent], table.kind == .partitioned, let index = table.index(id.name), !index.invalid else { return nil }
        let partitions = after.partitions(of: parent)
        // A foreign table among the partitions gets no index (or refuses a unique one): not predicted.
        guard !partitions.isEmpty, !after.hasForeignPartitions else { return nil }
        var made: Set<ObjectID> = []
        var taken: Set<String> = []
        // The names the server finds taken: every relation of the schema on either side, but the
        // partitions' indexes this statement makes (one the plan rebuilds is dropped before).
        let own = Set(partitions.compactMap { $0.indexes.first { $0.attachedTo == index.name }?.name })
        let inUse = relationNames(in: parent.schema).subtracting(own)
        for partition in partitions {
            // A leaf table of the same schema, its index new, plain, and named as the server would name it.
            guard partition.kind == .ordinary, partition.name.schema == parent.schema,
                  let own = partition.indexes.first(where: { $0.attachedTo == index.name }), own.comment == nil,
                  // The parent's statistics targets, set after, reach it (`ALTER INDEX` recurses).
                  own.statisticsTargets == index.statisticsTargets,
                  created.contains(ObjectID(.index, own.name, on: ObjectID(.table, partition.name))),
                  !holdsMatching(index, partition.name, besides: own.name),
                  let columns = columnNames(index, of: partition),
                  let name = Self.chosenName(table: partition.name.name, columns: columns, isTaken: { candidate in
                      taken.contains(candidate) || inUse.contains(candidate)
                  }), name == own.name else { return nil }
            taken.insert(name)
            made.insert(ObjectID(.index, own.name, on: ObjectID(.table, partition.name)))
        }
        return made
    }

    /// Whether the partition holds an index or key the server would attach instead of building
    /// one (it takes the first that matches): one there before, or one of the target other than
    /// `own` (a partition's indexes and keys are made before its parent's).
    private func holdsMatching(_ index: Index, _ partition: QualifiedName, besides own: String) -> Bool {
        [before.tables[partition], after.tables[partition]].contains { table in
            guard let table else { return false }
            return table.indexes.contains { $0.name != own && $0.keys == index.keys && $0.method == index.method }
                || table.constraints.contains { ($0.kind == .primaryKey || $0.kind == .unique) && $0.columns.map(SQLWriting.identPlain) == index.keys }
        }
    }

    /// The index's column names as `ChooseIndexColumnNames` gives them: a column's name, a
    /// function call's function (`lower(email)` is `lower`, as `FigureColname` has it), a number
    /// after one already given; nil for any other expression (named after its cast, operator or
    /// construct, which this does not guess).
    private func columnNames(_ index: Index, of partition: Table) -> [String]? {
        var names: [String] = []
        for key in index.keys + index.include {
            let column = partition.columns.first { SQLWriting.identPlain($0.name) == key || SQLWriting.ident($0.name) == key }?.name
            guard let base = column ?? Self.functionName(key) else { return nil }
            var name = base, number = 0
            while names.contains(name) {
                number += 1
                name = SQLWriting.clipped(base, toBytes: SQLWriting.identifierBytes - String(number).utf8.count) + String(number)
            }
            names.append(name)
        }
        return names.isEmpty ? nil : names
    }

    /// `f(…)` or `schema.f(…)`, as the server deparses a call of a function whose name needs no
    /// quotes, and nothing after its closing parenthesis: `f`.
    static func functionName(_ key: String) -> String? {
        // A name the server prints bare (`quote_ident` would not quote it).
        let simple = { (part: Substring) in !part.isEmpty && SQLWriting.identPlain(String(part)) == part }
        guard let open = key.firstIndex(of: "("), let call = SQLWriting.parenthesized(key[open...]), call.endIndex == key.endIndex else { return nil }
        let parts = key[..<open].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(simple), let name = parts.last else { return nil }
        return String(name)
    }

    /// The names of relations in `schema` on either side (tables, indexes, keys' indexes,
    /// sequences, views): the server adds a number to a name one of them holds.
    func relationNames(in schema: String) -> Set<String> {
        var names: Set<String> = []
        for model in [before.model, after.model] {
            for table in model.tables where table.name.schema == schema {
                names.insert(table.name.name)
                names.formUnion(table.indexes.map(\.name))
                names.formUnion(table.constraints.filter(\.hasIndex).map(\.name))
            }
            names.formUnion(model.sequences.filter { $0.name.schema == schema }.map(\.name.name))
            names.formUnion(model.views.filter { $0.name.schema == schema }.flatMap { [$0.name.name] + $0.indexes.map(\.name) })
            names.formUnion(model.compositeTypes.filter { $0.name.schema == schema }.map(\.name.name))
        }
        return names
    }

    /// `ChooseRelationName(table, ChooseIndexNameAddition(columns), label)`: `isTaken` names
    /// the names in use other than the index's own. nil `columns`: a primary key's (`table_pkey`).
    static func chosenName(table: String, columns: [String]?, label: String = "idx", isTaken: (String) -> Bool) -> String? {
        var addition: String?
        for column in columns ?? [] {
            addition = addition.map { $0 + "_" } ?? ""
            addition! += column
            if addition!.utf8.count >= 64 { break }
        }
        for pass in 0..<1000 {
            let name = ServerNames.objectName(table, addition, label: pass == 0 ? label : "\(label)\(pass)")
            if !isTaken(name) { return name }
        }
        return nil
    }

    /// The name the server gives `partition`'s copy of its parent's index or key `name`, as
    /// `ChooseIndexName` picks it (`isTaken`: the names in use); nil where this cannot tell.
    func copyName(of name: String, on parent: Table, for partition: Table, isTaken: (String) -> Bool) -> String? {
        if let index = parent.index(name) {
            guard let columns = columnNames(index, of: partition) else { return nil }
            return Self.chosenName(table: partition.name.name, columns: columns, isTaken: isTaken)
        }
        guard let key = parent.constraints.first(where: { $0.name == name }) else { return nil }
        switch key.kind {
        case .primaryKey: return Self.chosenName(table: partition.name.name, columns: nil, label: "pkey", isTaken: isTaken)
        case .unique: return Self.chosenName(table: partition.name.name, columns: key.columns, label: "key", isTaken: isTaken)
        case .exclusion: return Self.chosenName(table: partition.name.name, columns: key.columns, label: "excl", isTaken: isTaken)
        default: return nil
        }
    }
}
