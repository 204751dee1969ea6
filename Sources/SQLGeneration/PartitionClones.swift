import SchemaModel

/// The indexes and keys the server makes by itself for a new partition: `CREATE TABLE … PARTITION
/// OF` copies every index and key its parent has at that moment onto the partition, attached,
/// under names `ChooseIndexName` picks. Written again by the plan (`CREATE INDEX IF NOT EXISTS`
/// under the target's name, then `ATTACH`), each copy was two statements that did nothing, or,
/// where the target's name was not the server's, an index too many and an `ATTACH` the server
/// refused. Adding next month's partition to a table with a key and two indexes is now one statement.
struct PartitionClones {
    /// Each copy, by the target's member, with the name the server gives it where this can tell
    /// (the same as the target's: no statement), or nil (renamed by a lookup in the catalog).
    private(set) var names: [ObjectID: String?] = [:]

    init() {}

    init(writer: DDLWriter) {
        let after = writer.after
        let naming = PartitionIndexNames(before: writer.before, after: after)
        let partitions = after.model.tables.filter { table in
            guard let parent = table.partitionOf, writer.createdWhole.contains(ObjectID(.table, table.name)) else { return false }
            return !TableDDL.attachesLater(table, parent: after.tables[parent]) && writer.keysAttachedAtCreation(table).isEmpty
        }
        // Parents first: a new sub-partitioned partition's copies are there for its own partitions.
        for partition in partitions.sorted(by: { after.depth($0.name) < after.depth($1.name) }) {
            guard let parentName = partition.partitionOf, let parent = after.tables[parentName] else { continue }
            let parentID = ObjectID(.table, parentName)
            let parentCopies = names
            // What the parent has when the partition is made: a new parent, the keys of its CREATE
            // TABLE and the copies it got itself; one that stays, what it had and keeps.
            func present(_ name: String) -> Bool {
                guard writer.createdWhole.contains(parentID) else { return writer.stays(name, onParent: parentName) }
                if parent.partitionOf != nil {
                    return parentCopies[ObjectID(.index, name, on: parentID)] != nil || parentCopies[ObjectID(.constraint, name, on: parentID)] != nil
                }
                return parent.constraints.contains { $0.name == name && $0.kind == .primaryKey && $0.incomplete != true }
                    || writer.inlined(parent).contains { $0.name == name }
            }
            let id = ObjectID(.table, partition.name)
            let copies = partition.indexes.compactMap { index in index.attachedTo.map { (ObjectID(.index, index.name, on: id), $0) } }
                + partition.constraints.compactMap { key in key.attachedTo.map { (ObjectID(.constraint, key.name, on: id), $0) } }
            // The names in use when the partition is made: its own copies' are not yet.
            let inUse = naming.relationNames(in: partition.name.schema).subtracting(copies.map(\.0.name))
            // Copies of one shape (two parent indexes over the same columns) compete for one name:
            // the server gives it to the copy of the parent's older index, which the model cannot
            // tell. Renamed by a lookup in the catalog, all of them, whatever the server chose.
            let shaped = copies.filter { present($0.1) }.map { member, parentMember in
                (member, parentMember, shape: naming.copyName(of: parentMember, on: parent, for: partition) { inUse.contains($0) })
            }
            let shapes = Dictionary(grouping: shaped.compactMap(\.shape)) { $0 }
            var taken: Set<String> = []
            for (member, parentMember, shape) in shaped {
                if let shape, shapes[shape]!.count > 1 {
                    names[member] = .some(nil)
                    continue
                }
                let chosen = naming.copyName(of: parentMember, on: parent, for: partition) { taken.contains($0) || inUse.contains($0) }
                if let chosen { taken.insert(chosen) }
                names[member] = .some(chosen)
            }
        }
    }

    /// The statements that give a copy the server made its target's name, its comments and its
    /// statistics targets.
    func statements(for id: ObjectID, in writer: DDLWriter) -> [Statement]? {
        guard let entry = names[id], let table = id.parent, let partition = writer.after.tables[ModelIndex.name(table)],
              let parentName = partition.partitionOf else { return nil }
        let relation = partition.name
        var statements: [Statement] = []
        var parentMember: String?
        switch writer.after.member(id) {
        case let .index(index)?:
            parentMember = index.attachedTo
            if let comment = index.comment { statements.append(IndexDDL.comment(on: index.name, of: relation, comment)) }
            // The copy has none of its parent's statistics targets (`ALTER INDEX` on the parent's
            // reached the partitions there then, not one made after).
            statements += IndexDDL.statistics(of: index.name, on: relation, from: nil, to: index.statisticsTargets)
        case let .constraint(key)?:
            parentMember = key.attachedTo
            statements += ConstraintDDL.comments(key, on: relation)
        default: return nil
        }
        guard let parentMember else { return nil }
        if entry != id.name {
            statements.insert(IndexDDL.renameCopy(of: QualifiedName(schema: parentName.schema, name: parentMember), on: relation, to: id.name), at: 0)
        }
        return statements
    }
}
