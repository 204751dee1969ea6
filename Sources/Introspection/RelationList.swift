import SchemaModel

/// The tables (or views) of a model being assembled, found by oid or by name.
///
/// The columns, constraints and indexes queries carry their table's oid:
/// 95,000 rows a side at 5,000 tables, and hashing an oid costs far less than
/// hashing a schema and a name. Triggers and policies, fewer, come by name.
struct RelationList<Relation> {
    private(set) var relations: [Relation] = []
    private var byOID: [UInt32: Int] = [:]
    private var byName: [QualifiedName: Int] = [:]

    init(_ items: [(oid: UInt32, name: QualifiedName, relation: Relation)]) {
        relations.reserveCapacity(items.count)
        byOID.reserveCapacity(items.count)
        byName.reserveCapacity(items.count)
        for (oid, name, relation) in items {
            byOID[oid] = relations.count
            byName[name] = relations.count
            relations.append(relation)
        }
    }

    /// Applies `change` to the relation `oid`; false when there is none (a relation left out).
    @discardableResult
    mutating func update(_ oid: UInt32, _ change: (inout Relation) -> Void) -> Bool {
        guard let position = byOID[oid] else { return false }
        change(&relations[position])
        return true
    }

    @discardableResult
    mutating func update(_ name: QualifiedName, _ change: (inout Relation) -> Void) -> Bool {
        guard let position = byName[name] else { return false }
        change(&relations[position])
        return true
    }
}
