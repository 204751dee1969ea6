import SQLText
import SchemaModel
import Support

/// What differs between two models: objects added, removed and changed, and
/// for a changed object each property with its old and new value.
///
/// Canonical order (by kind rank of the owning object, then identity), so the
/// same two models always give the same report, byte for byte.
public struct SchemaDiff: Sendable, Hashable {
    public typealias PropertyChange = SchemaChange.Property

    public let changes: [SchemaChange]
    /// Objects the model does not represent (`DatabaseModel.unmodelled`) found
    /// on one side only: the two databases differ there, though no property can
    /// say how.
    public let unmodelledRemoved: [UnmodelledObject]
    public let unmodelledAdded: [UnmodelledObject]

    public var isEmpty: Bool { changes.isEmpty && unmodelledRemoved.isEmpty && unmodelledAdded.isEmpty }

    /// Compares `old` with `new`.
    public init(from old: DatabaseModel, to new: DatabaseModel, flattener: ModelFlattener = ModelFlattener()) {
        let (oldCensus, newCensus) = (Set(old.unmodelled), Set(new.unmodelled))
        unmodelledRemoved = old.unmodelled.filter { !newCensus.contains($0) }
        unmodelledAdded = new.unmodelled.filter { !oldCensus.contains($0) }
        // The running role's default privileges without its name, as owners (see RunningRole); whose
        // role runs is read from the whole model, before what both sides share is set aside.
        let (old, new) = flattener.owners ? Self.withoutCommonObjects(old, new)
            : Self.withoutCommonObjects(old.withRunningRoleDefaultPrivileges(), new.withRunningRoleDefaultPrivileges())
        let before = flattener.objects(old)
        let after = flattener.objects(new)
        let beforeByID = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByID = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [SchemaChange] = []
        // Members of a table added or removed whole go with it, not on their own.
        var members: [ObjectID: [SchemaChange]] = [:]
        let removedParents = Set(before.filter { afterByID[$0.id] == nil && $0.id.parent == nil }.map(\.id))
        let addedParents = Set(after.filter { beforeByID[$0.id] == nil && $0.id.parent == nil }.map(\.id))
        for object in before where afterByID[object.id] == nil {
            let change = SchemaChange(change: .removed, id: object.id, old: object.value, new: nil,
                                      properties: object.properties.map { PropertyChange(name: $0.0, old: $0.1, new: nil) })
            // A dropped table takes its columns with it: one change, its members inside.
            if let parent = object.id.parent, removedParents.contains(parent) {
                members[parent, default: []].append(change)
                continue
            }
            changes.append(change)
        }
        for object in after {
            guard let previous = beforeByID[object.id] else {
                let change = SchemaChange(change: .added, id: object.id, old: nil, new: object.value,
                                          properties: object.properties.map { PropertyChange(name: $0.0, old: nil, new: $0.1) })
                if let parent = object.id.parent, addedParents.contains(parent) {
                    members[parent, default: []].append(change)
                } else {
                    changes.append(change)
                }
                continue
            }
            let oldValues = Dictionary(previous.properties, uniquingKeysWith: { first, _ in first })
            let newValues = Dictionary(object.properties, uniquingKeysWith: { first, _ in first })
            var names = previous.properties.map(\.0)
            for (name, _) in object.properties where oldValues[name] == nil { names.append(name) }
            let differing = names.filter { name in
                guard let old = oldValues[name], let new = newValues[name], Self.queryProperties.contains(name) else {
                    return oldValues[name] != newValues[name]
                }
                return !ExpressionForms.differOnlyInHiddenNames(old, new)
            }
                .map { PropertyChange(name: $0, old: oldValues[$0], new: newValues[$0]) }
            if !differing.isEmpty {
                changes.append(SchemaChange(change: .changed, id: object.id, old: previous.value, new: object.value,
                                            properties: differing))
            }
        }
        changes = changes.map { change in
            guard change.id.parent == nil, let inside = members[change.id] else { return change }
            return SchemaChange(change: change.change, id: change.id, old: change.old, new: change.new,
                                properties: change.properties, members: inside)
        }
        // Each table (or other top-level object) with its members after it, by quoted identity, then kind.
        let keyed = changes.map { change -> ((String, Int, Int, String), SchemaChange) in
            let identity = change.id.sql
            return ((change.id.parent?.sql ?? identity, change.id.parent == nil ? 0 : 1, change.id.kind.rank, identity), change)
        }
        // Positions are sorted, not the changes: each carries both sides of its object, and moving
        // them was most of sorting 15,000 changes.
        self.changes = keyed.indices.sorted { lhs, rhs in
            let (left, right) = (keyed[lhs].0, keyed[rhs].0)
            if left.0 != right.0 { return left.0.precedes(right.0) }
            if left.1 != right.1 { return left.1 < right.1 }
            if left.2 != right.2 { return left.2 < right.2 }
            return left.3.precedes(right.3)
        }.map { keyed[$0].1 }
    }

    /// The properties that hold a query or an expression as the server prints it, where a
    /// name printed only after a second parse is no difference (`ExpressionForms.differOnlyInHiddenNames`).
    static let queryProperties: Set<String> = ["definition", "using", "with check", "default", "generated"]

    /// Both models without the top-level objects (a table with everything on
    /// it, a view, a function …) that are equal on both sides: those give no
    /// change, and flattening them was most of a diff's time (0.9 s of objects
    /// built and compared for two 5,000-table databases that differ in 200).
    static func withoutCommonObjects(_ old: DatabaseModel, _ new: DatabaseModel) -> (DatabaseModel, DatabaseModel) {
        var (old, new) = (old, new)
        // Kind by kind, top-level objects only (a table carries its members): a new kind must say how it is matched.
        for kind in ObjectKind.allCases {
            switch kind {
            case .schema: (old.schemas, new.schemas) = withoutCommon(old.schemas, new.schemas) { $0.name }
            case .extension: (old.extensions, new.extensions) = withoutCommon(old.extensions, new.extensions) { $0.name }
            case .enum: (old.enums, new.enums) = withoutCommon(old.enums, new.enums) { $0.name }
            case .domain: (old.domains, new.domains) = withoutCommon(old.domains, new.domains) { $0.name }
            case .compositeType:
                (old.compositeTypes, new.compositeTypes) = withoutCommon(old.compositeTypes, new.compositeTypes) { $0.name }
            case .sequence: (old.sequences, new.sequences) = withoutCommon(old.sequences, new.sequences) { $0.name }
            case .table: (old.tables, new.tables) = withoutCommon(old.tables, new.tables) { $0.name }
            case .column, .constraint, .index, .trigger, .policy, .materializedView, .procedure: break
            case .view: (old.views, new.views) = withoutCommon(old.views, new.views) { $0.name }
            case .function: (old.functions, new.functions) = withoutCommon(old.functions, new.functions) { $0.signature }
            case .language: (old.definedObjects, new.definedObjects) = withoutCommon(old.definedObjects, new.definedObjects) { $0.id }
            case .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
                 .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
                 .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
                break // with .language: one list
            }
        }
        return (old, new)
    }

    /// `old` and `new` without the elements equal to their namesake on the other side.
    ///
    /// The comparisons run on every core: comparing 5,000 tables with all
    /// their columns, constraints and indexes took 0.05 s, while the other
    /// core had nothing left to do.
    private static func withoutCommon<T: Equatable & Sendable, Key: Hashable>(_ old: [T], _ new: [T], key: (T) -> Key)
        -> ([T], [T]) {
        var newPosition: [Key: Int] = [:]
        for (position, element) in new.enumerated() { newPosition[key(element)] = position }
        let candidates = old.map { newPosition[key($0)] }
        // Each chunk returns the indices it found equal; merged into one flag per element.
        let chunks = old.count >= 1000 ? 8 : 1
        let found = Array(0..<chunks).parallelMap { chunk in
            stride(from: chunk, to: old.count, by: chunks).filter { index in
                if let position = candidates[index] { return new[position] == old[index] }
                return false
            }
        }
        var equal = [Bool](repeating: false, count: old.count)
        for index in found.joined() { equal[index] = true }
        var matched = Set<Int>()
        var keptOld: [T] = []
        for (index, element) in old.enumerated() {
            if let position = candidates[index], equal[index], !matched.contains(position) {
                matched.insert(position)
            } else {
                keptOld.append(element)
            }
        }
        let keptNew = new.indices.filter { !matched.contains($0) }.map { new[$0] }
        return (keptOld, keptNew)
    }
}
