import Migrations
import SchemaModel
import Support

/// A proof's source split to be loaded on two connections at once (`MigrationReplay.replay(_:lanes:then:)`).
/// Loading the source was most of a proof (3.1 of 5.0 s at 5,000 tables), and the server
/// makes one connection's DDL on one core.
///
/// - The base, loaded first and alone: every object that needs no relation (schemas,
///   extensions, types, functions, sequences of no column, …).
/// - Two lanes of whole connected parts of the rest: an object, what it needs and what
///   needs it (pg_depend's edges as `ProofScope` reads them: inheritance, views, owned
///   sequences, foreign keys, …) stay in one lane, so no lane waits for what another makes.
/// - Where foreign keys join most of it in one part (a table most others reference, as
///   real schemas have), the lanes are parted without them, and the keys come after
///   both, alone.
///
/// It only ever speeds a proof that holds: a lane that fails, or a result that differs,
/// is proved again on one connection (`PlanCheck`), so the verdict is a serial load's.
struct SourceLanes {
    /// Made first, alone.
    let base: DatabaseModel
    /// Each lane's own objects, without the schemas and extensions (the base makes them): the
    /// plan from an empty model to a lane makes just its objects, naming the base's by name.
    let lanes: [DatabaseModel]
    /// The whole source.
    let source: DatabaseModel
    /// Whether the foreign keys come after the lanes (the lanes hold none).
    let keysAfterLanes: Bool
    /// Where the keys come after the lanes: the source without them, what the base and the
    /// lanes made together, from which the plan to the source adds them.
    var withoutForeignKeys: DatabaseModel? { keysAfterLanes ? source.withoutForeignKeys : nil }

    /// Below this many objects outside the base, one connection is as quick.
    static let smallest = 200

    /// nil where one connection is as good, or where the order of creation across lanes
    /// could change what is made: fewer than `smallest` objects beside the base, one part
    /// holding more than two thirds of them even without foreign keys, or default
    /// privileges or event triggers (they act on every object created after them).
    init?(_ model: DatabaseModel) {
        guard !model.definedObjects.contains(where: { $0.kind == .defaultPrivileges || $0.kind == .eventTrigger }) else { return nil }
        let graph = ProofScope.Graph(model)
        var edges: [(ObjectID, ObjectID)] = []
        for (id, needs) in graph.needs { for needed in needs { edges.append((id, needed)) } }
        for (id, indexes) in graph.indexReferences { for needs in indexes.values { for needed in needs { edges.append((id, needed)) } } }
        let keyEdges = graph.foreignKeys.flatMap { id, referenced in referenced.map { (id, $0) } }
        // What needs a relation, however far: the lanes' objects. The rest is the base.
        let neededBy = Dictionary(grouping: edges, by: \.1).mapValues { $0.map(\.0) }
        let relations: Set<ObjectKind> = [.table, .view, .materializedView, .foreignTable]
        var inLanes = Set(graph.all.filter { relations.contains($0.kind) })
        var queue = Array(inLanes)
        while let id = queue.popLast() {
            for dependent in neededBy[id, default: []] where graph.all.contains(dependent) && inLanes.insert(dependent).inserted {
                queue.append(dependent)
            }
        }
        guard inLanes.count >= Self.smallest else { return nil }
        let keysInLanes = Self.split(inLanes, along: edges + keyEdges)
        guard let lanes = keysInLanes ?? Self.split(inLanes, along: edges) else { return nil }
        let baseObjects = graph.all.subtracting(inLanes)
        base = model.keeping(baseObjects)
        keysAfterLanes = keysInLanes == nil
        self.lanes = lanes.map { [keysAfterLanes] objects in
            var lane = model.keeping(objects)
            if keysAfterLanes { lane = lane.withoutForeignKeys }
            lane.schemas = []
            lane.extensions = []
            return lane
        }
        source = model
    }

    /// The files that load the source: the base's first, each lane's, then the foreign keys'
    /// where they come after the lanes (`PlanCheck.sourceFiles`), planned at once.
    func files() -> (first: [MigrationFile], lanes: [[MigrationFile]], last: [MigrationFile]) {
        let empty = DatabaseModel()
        let plans = ([(empty, base)] + lanes.map { (empty, $0) } + (withoutForeignKeys.map { [($0, source)] } ?? []))
            .parallelMap { loaded, model in PlanCheck.sourceFiles(model, from: loaded) }
        return (plans[0], Array(plans[1...lanes.count]), plans.dropFirst(lanes.count + 1).flatMap { $0 })
    }

    /// `objects` in two lanes of whole connected parts along `edges`, the largest part first,
    /// each to the lighter lane; nil when one part holds more than two thirds of them.
    static func split(_ objects: Set<ObjectID>, along edges: [(ObjectID, ObjectID)]) -> [Set<ObjectID>]? {
        var parent: [ObjectID: ObjectID] = [:]
        func root(_ id: ObjectID) -> ObjectID {
            var id = id
            while let next = parent[id], next != id {
                parent[id] = parent[next] ?? next
                id = next
            }
            return id
        }
        for (from, to) in edges where objects.contains(from) && objects.contains(to) {
            let (a, b) = (root(from), root(to))
            if a != b { parent[a] = b }
        }
        let parts = Dictionary(grouping: objects, by: root).values.sorted { ($0.count, $0.min()!) > ($1.count, $1.min()!) }
        guard let largest = parts.first, 3 * largest.count <= 2 * objects.count else { return nil }
        var lanes: [Set<ObjectID>] = [[], []]
        for part in parts {
            let lighter = lanes[0].count <= lanes[1].count ? 0 : 1
            lanes[lighter].formUnion(part)
        }
        return lanes
    }
}

extension DatabaseModel {
    /// The model with only `objects` (top-level; a member goes with its table or view).
    /// Schemas, extensions and the edges stay whole: an edge to an object left out is none.
    func keeping(_ objects: Set<ObjectID>) -> DatabaseModel {
        var copy = self
        copy.enums.removeAll { !objects.contains(ObjectID(.enum, $0.name)) }
        copy.domains.removeAll { !objects.contains(ObjectID(.domain, $0.name)) }
        copy.compositeTypes.removeAll { !objects.contains(ObjectID(.compositeType, $0.name)) }
        copy.sequences.removeAll { !objects.contains(ObjectID(.sequence, $0.name)) }
        copy.views.removeAll { !objects.contains(ObjectID($0.materialized ? .materializedView : .view, $0.name)) }
        copy.functions.removeAll { !objects.contains($0.id) }
        copy.definedObjects.removeAll { !objects.contains($0.id.parent ?? $0.id) }
        copy.tables.removeAll { !objects.contains(ObjectID(.table, $0.name)) }
        return copy
    }

    /// The model without any table's foreign keys.
    var withoutForeignKeys: DatabaseModel {
        var copy = self
        for index in copy.tables.indices { copy.tables[index].constraints.removeAll { $0.foreignKey != nil } }
        return copy
    }
}
