extension DatabaseModel {
    /// The names a new relation of `schema` cannot take: those of its relations (tables,
    /// views, sequences, indexes, the indexes of keys, identity sequences, composite types)
    /// and of its types (every relation has one of its name, and enums and domains), with
    /// the objects held by definition there (foreign tables, range and base types), which
    /// may only over-count. For a name the planner makes up (`DDLWriter`'s numbering sequence).
    public func relationAndTypeNames(in schema: String) -> Set<String> {
        var names = Set<String>()
        for table in tables where table.name.schema == schema {
            names.insert(table.name.name)
            names.formUnion(table.indexes.map(\.name))
            names.formUnion(table.constraints.filter(\.hasIndex).map(\.name))
            for column in table.columns {
                guard let identity = column.identity else { continue }
                let sequence = identity.sequence(of: column.name, in: table.name)
                if sequence.schema == schema { names.insert(sequence.name) }
            }
        }
        for view in views where view.name.schema == schema {
            names.insert(view.name.name)
            names.formUnion(view.indexes.map(\.name))
        }
        names.formUnion(sequences.filter { $0.name.schema == schema }.map(\.name.name))
        names.formUnion(compositeTypes.filter { $0.name.schema == schema }.map(\.name.name))
        names.formUnion(enums.filter { $0.name.schema == schema }.map(\.name.name))
        names.formUnion(domains.filter { $0.name.schema == schema }.map(\.name.name))
        names.formUnion(definedObjects.filter { $0.schema == schema && $0.table == nil }.map(\.name))
        return names
    }
}
