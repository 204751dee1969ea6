import SchemaModel

/// A model's objects by identity, for the planner's lookups (what a dependent
/// looks like in the new model, which columns use a type).
struct ModelIndex {
    let model: DatabaseModel
    private(set) var tables: [QualifiedName: Table] = [:]
    private(set) var views: [QualifiedName: View] = [:]
    private(set) var functions: [ObjectID: Function] = [:]
    private(set) var defined: [ObjectID: DefinedObject] = [:]
    private(set) var sequences: [QualifiedName: Sequence] = [:]
    /// Each partitioned table's direct partitions, in the model's order.
    private var partitionsByParent: [QualifiedName: [Table]] = [:]
    /// Each table's plain-inheritance children, in the model's order.
    private var childrenByParent: [QualifiedName: [Table]] = [:]
    /// The partitioned tables with a foreign table among their direct partitions.
    private var foreignPartitionParents: Set<QualifiedName> = []
    /// The NOT NULL constraints (18) tables hold under names of their own, by schema: the server
    /// gives a new one a default name no constraint of the schema holds (`…_not_null1` where one does).
    private(set) var namedNotNulls: [String: Set<String>] = [:]
    /// Which defaults call a volatile function, by this model's functions.
    let volatileDefaults: VolatileDefault

    init(_ model: DatabaseModel) {
        self.model = model
        volatileDefaults = VolatileDefault(model.functions)
        for table in model.tables {
            tables[table.name] = table
            if let parent = table.partitionOf { partitionsByParent[parent, default: []].append(table) }
            for parent in table.inherits { childrenByParent[parent, default: []].append(table) }
            for column in table.columns { if let name = column.notNullName { namedNotNulls[table.name.schema, default: []].insert(name) } }
        }
        for view in model.views { views[view.name] = view }
        for function in model.functions { functions[function.id] = function }
        for object in model.definedObjects {
            defined[object.id] = object
            if let parent = object.partitionParent { foreignPartitionParents.insert(parent) }
        }
        for sequence in model.sequences { sequences[sequence.name] = sequence }
    }

    static func name(_ id: ObjectID) -> QualifiedName { QualifiedName(schema: id.schema ?? "", name: id.name) }

    /// The top-level object `id` names, as a `SchemaObject`.
    func object(_ id: ObjectID) -> SchemaObject? {
        let name = Self.name(id)
        switch id.kind {
        case .schema: return model.schemas.first { $0.name == id.name }.map(SchemaObject.schema)
        case .extension: return model.extensions.first { $0.name == id.name }.map(SchemaObject.extension)
        case .enum: return model.enums.first { $0.name == name }.map(SchemaObject.enum)
        case .domain: return model.domains.first { $0.name == name }.map(SchemaObject.domain)
        case .compositeType: return model.compositeTypes.first { $0.name == name }.map(SchemaObject.compositeType)
        case .sequence: return sequences[name].map(SchemaObject.sequence)
        case .table: return tables[name].map(SchemaObject.table)
        case .view, .materializedView: return views[name].map(SchemaObject.view)
        case .function, .procedure: return functions[id].map(SchemaObject.function)
        case .column, .constraint, .index, .trigger, .policy: return member(id)
        default: return defined[id].map(SchemaObject.defined)
        }
    }

    /// A member (column, constraint, index, trigger, policy) of a table or view.
    func member(_ id: ObjectID) -> SchemaObject? {
        guard let parent = id.parent else { return nil }
        let name = Self.name(parent)
        if let table = tables[name], parent.kind == .table {
            switch id.kind {
            case .column: return table.column(id.name).map(SchemaObject.column)
            case .constraint: return table.constraint(id.name).map(SchemaObject.constraint)
            case .index: return table.index(id.name).map(SchemaObject.index)
            case .trigger: return table.trigger(id.name).map(SchemaObject.trigger)
            case .policy: return table.policy(id.name).map(SchemaObject.policy)
            default: return nil
            }
        }
        guard let view = views[name] else { return nil }
        switch id.kind {
        case .index: return view.indexes.first { $0.name == id.name }.map(SchemaObject.index)
        case .trigger: return view.triggers.first { $0.name == id.name }.map(SchemaObject.trigger)
        default: return nil
        }
    }

    /// Every top-level object's identity, in kind order.
    var topLevel: [ObjectID] {
        model.schemas.map { ObjectID(kind: .schema, schema: nil, name: $0.name) }
            + model.extensions.map { ObjectID(kind: .extension, schema: nil, name: $0.name) }
            + model.enums.map { ObjectID(.enum, $0.name) } + model.domains.map { ObjectID(.domain, $0.name) }
            + model.compositeTypes.map { ObjectID(.compositeType, $0.name) } + model.sequences.map { ObjectID(.sequence, $0.name) }
            + model.tables.map { ObjectID(.table, $0.name) }
            + model.views.map { ObjectID($0.materialized ? .materializedView : .view, $0.name) }
            + model.functions.map(\.id) + model.definedObjects.filter { $0.table == nil }.map(\.id)
    }

    /// Rules belong to their table or view but are held by definition, so they are planned as top-level objects.
    var rules: [ObjectID] { model.definedObjects.filter { $0.table != nil }.map(\.id) }

    /// The direct partitions of `parent`.
    func partitions(of parent: QualifiedName) -> [Table] { partitionsByParent[parent] ?? [] }

    /// Whether a foreign table is among `parent`'s partitions (`partitions(of:)` gives its tables).
    func hasForeignPartition(_ parent: QualifiedName) -> Bool { foreignPartitionParents.contains(parent) }

    /// Whether any partitioned table of the model has a foreign partition.
    var hasForeignPartitions: Bool { !foreignPartitionParents.isEmpty }

    /// The tables that inherit from `parent` (not its partitions).
    func children(of parent: QualifiedName) -> [Table] { childrenByParent[parent] ?? [] }

    /// Every partition and inheritance child below `table`, at any depth, nearest first: from
    /// the maps, not a scan of every table per level (called for each column an enum's
    /// rebuild moves, it was O(tables) each time).
    func descendants(of table: QualifiedName) -> [QualifiedName] {
        var found: [QualifiedName] = [], seen: Set<QualifiedName> = [table], queue = [table]
        while !queue.isEmpty {
            let parent = queue.removeFirst()
            for child in partitions(of: parent) + children(of: parent) where seen.insert(child.name).inserted {
                found.append(child.name)
                queue.append(child.name)
            }
        }
        return found
    }

    /// The tables `name` is a partition of, nearest first, up to the root.
    func partitionAncestors(of name: QualifiedName) -> [Table] {
        var result: [Table] = []
        var seen: Set<QualifiedName> = [name]
        var current = tables[name]?.partitionOf
        while let parent = current, seen.insert(parent).inserted, let table = tables[parent] {
            result.append(table)
            current = table.partitionOf
        }
        return result
    }

    /// Every table `name` takes columns from, at any depth: partition and inheritance parents.
    func ancestors(of name: QualifiedName) -> [QualifiedName] {
        var seen: Set<QualifiedName> = [name], queue = [name], found: [QualifiedName] = []
        while let next = queue.popLast() {
            for parent in tables[next]?.parents ?? [] where seen.insert(parent).inserted {
                found.append(parent)
                queue.append(parent)
            }
        }
        return found
    }

    /// How deep a table sits under partition or inheritance parents: children are worked on first.
    func depth(_ name: QualifiedName) -> Int {
        var depth = 0
        var current = tables[name]
        var seen: Set<QualifiedName> = [name]
        while let table = current, let parent = table.partitionOf ?? table.inherits.first, seen.insert(parent).inserted {
            depth += 1
            current = tables[parent]
        }
        return depth
    }
}
