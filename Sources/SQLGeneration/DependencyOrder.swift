import SQLText
import SchemaModel

/// The order a model's top-level objects can be created in: each after what it
/// depends on (the model's pg_depend edges), ties broken by kind then name so
/// the same model always gives the same order.
///
/// A member's edges count for its table (a default that calls a function puts
/// the function before the table), but a rule's are its own when rules are among
/// the objects. Foreign keys are left out: they are added after every table, so
/// two tables that reference each other need no order.
/// Where edges still form a cycle, the first object of the cycle goes first
/// and the server decides (functions are created with `check_function_bodies` off).
struct DependencyOrder {
    /// Top-level objects, in creation order.
    let order: [ObjectID]
    /// Each object's position in `order`.
    let position: [ObjectID: Int]
    /// What each object must come after (its edges, members' lifted to their table).
    let needs: [ObjectID: Set<ObjectID>]
    /// The model's pg_depend edges, resolved to objects (the planner reads the old model's again).
    let edges: [(dependent: ObjectID, referenced: ObjectID)]

    /// Which objects go first among those ready. The kinds others use by name (a
    /// collation, an access method, a text search configuration, a server) come before
    /// everything else once what they need is there (their edges: a language after its
    /// handler, a template after its functions), and what acts on objects created after
    /// it (default privileges, event triggers, which have no edges read) after all.
    static func tier(_ kind: ObjectKind) -> Int {
        switch kind {
        case .schema, .extension, .language, .collation, .accessMethod, .textSearchParser, .textSearchTemplate,
             .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer, .conversion:
            return 0
        case .defaultPrivileges, .eventTrigger, .securityLabel, .systemPrivileges: return 2
        default: return 1
        }
    }

    /// The order among ready objects: tier, kind, then quoted identity, as `ObjectID`'s own
    /// order; computed once per object, as building the quoted text in every comparison
    /// was most of a 1,000-table schema script's time.
    struct Key: Comparable {
        let tier: Int
        let rank: Int
        let text: String

        init(_ id: ObjectID) {
            tier = DependencyOrder.tier(id.kind)
            rank = id.kind.rank
            text = id.sql
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return lhs.text.precedes(rhs.text)
        }
    }

    /// The graph is built and sorted on positions in `objects`, not on `ObjectID`s: each of
    /// the model's edges costs two lookups by identity, where sets and dictionaries keyed by
    /// identity hashed its strings seven times an edge (a fifth of planning at 5,000 tables).
    init(_ model: DatabaseModel, objects: [ObjectID]) {
        let count = objects.count
        // `objects` holds each object once (the planner's lists of a model's objects).
        let slot = Dictionary(uniqueKeysWithValues: objects.enumerated().map { ($1, $0) })
        let resolver = DependencyResolver(model)
        // Table to table edges that are not foreign keys: inheritance, and a column of another
        // table's row type (its type is named like the table).
        var tableEdges: Set<Int> = []
        var tableEdgeList: [(Int, Int)] = []
        var rowTypes: [String: Int] = [:]
        for table in model.tables {
            guard let position = slot[ObjectID(.table, table.name)] else { continue }
            for spelling in Planner.spellings(of: table.name) { rowTypes[spelling] = position }
        }
        for table in model.tables {
            guard let position = slot[ObjectID(.table, table.name)] else { continue }
            func tableEdge(_ referenced: Int) {
                if tableEdges.insert(position &* count &+ referenced).inserted { tableEdgeList.append((position, referenced)) }
            }
            for parent in table.parents {
                if let referenced = slot[ObjectID(.table, parent)] { tableEdge(referenced) }
            }
            for column in table.columns {
                let bare = column.type.hasSuffix("[]") ? String(column.type.dropLast(2)) : column.type
                if let rowType = rowTypes[bare], rowType != position { tableEdge(rowType) }
            }
        }
        var needs = [[Int]](repeating: [], count: count)
        var dependents = [[Int]](repeating: [], count: count)
        var seen: Set<Int> = []
        func add(_ dependent: Int, _ referenced: Int) {
            guard dependent != referenced, seen.insert(dependent &* count &+ referenced).inserted else { return }
            needs[dependent].append(referenced)
            dependents[referenced].append(dependent)
        }
        let edges = resolver.edges(of: model)
        self.edges = edges
        // A base type and its input and output functions need each other: the plan creates the
        // type as a shell first (Planner), so the functions need not wait for it.
        let ioFunctions = Set(edges.filter { $0.dependent.kind == .baseType && $0.referenced.kind == .function }
            .map { [$0.referenced, $0.dependent] })
        // A rule among the objects ordered is one of its own: its edges are its, and it comes after
        // its relation (a rule on `t` that reads a view over `t` ties neither to the other).
        let relations = Dictionary(objects.filter { [.table, .view, .materializedView, .foreignTable].contains($0.kind) }
            .map { (QualifiedName(schema: $0.schema ?? "", name: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
        for (position, rule) in objects.enumerated() where rule.kind == .rule {
            if let owner = rule.parent, let relation = relations[QualifiedName(schema: owner.schema ?? "", name: owner.name)],
               let referenced = slot[relation] {
                add(position, referenced)
            }
        }
        for (dependent, referenced) in edges {
            if !ioFunctions.isEmpty, dependent.kind == .function, referenced.kind == .baseType,
               ioFunctions.contains([dependent, referenced]) { continue }
            let from = dependent.kind == .rule ? slot[dependent] ?? dependent.parent.flatMap { slot[$0] } : slot[dependent.parent ?? dependent]
            guard let from, let to = slot[referenced.parent ?? referenced] else { continue }
            // Table to table is a foreign key (added last) unless it is inheritance or a row type.
            if objects[from].kind == .table, objects[to].kind == .table, !tableEdges.contains(from &* count &+ to) { continue }
            add(from, to)
        }
        for (dependent, referenced) in tableEdgeList { add(dependent, referenced) }
        // A cast WITH FUNCTION whose function returns another type than the cast's target needs
        // that type binary-coercible to the target, which may be a cast WITHOUT FUNCTION of the
        // model (18's create_cast test). pg_depend ties casts to no other cast: binary ones first.
        let casts = Dictionary(grouping: model.definedObjects.filter { $0.kind == .cast }) { $0.definition.contains(" WITHOUT FUNCTION") }
        for cast in casts[false] ?? [] {
            for binary in casts[true] ?? [] {
                if let dependent = slot[cast.id], let referenced = slot[binary.id] { add(dependent, referenced) }
            }
        }
        // Structural edges the dependency query leaves implicit: an object after its schema.
        let schemas = Dictionary(objects.enumerated().filter { $0.element.kind == .schema }.map { ($0.element.name, $0.offset) },
                                 uniquingKeysWith: { first, _ in first })
        for (position, object) in objects.enumerated() where object.kind != .schema {
            if let schema = object.schema, let node = schemas[schema] { add(position, node) }
        }
        // Kahn's algorithm with the smallest ready object first.
        let keys = objects.map(Key.init)
        let precedes = { (lhs: Int, rhs: Int) in keys[lhs] < keys[rhs] }
        var remaining = needs.map(\.count)
        var placed = [Bool](repeating: false, count: count)
        var ready = (0..<count).filter { remaining[$0] == 0 }.sorted { precedes($1, $0) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while order.count < count {
            if ready.isEmpty {
                // A cycle: the smallest object left goes first.
                guard let next = (0..<count).filter({ !placed[$0] && remaining[$0] > 0 }).min(by: precedes) else { break }
                remaining[next] = 0
                ready = [next]
            }
            let next = ready.removeLast()
            guard !placed[next] else { continue }
            placed[next] = true
            order.append(next)
            for dependent in dependents[next] where !placed[dependent] && remaining[dependent] > 0 {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 {
                    // Kept sorted, largest first, by binary insertion: a sort per release was quadratic at 5,000 tables.
                    var (low, high) = (0, ready.count)
                    while low < high {
                        let middle = (low + high) / 2
                        if precedes(dependent, ready[middle]) { low = middle + 1 } else { high = middle }
                    }
                    ready.insert(dependent, at: low)
                }
            }
        }
        self.order = order.map { objects[$0] }
        var named: [ObjectID: Set<ObjectID>] = [:]
        named.reserveCapacity(count)
        for (position, needed) in needs.enumerated() where !needed.isEmpty {
            named[objects[position]] = Set(needed.map { objects[$0] })
        }
        self.needs = named
        self.position = Dictionary(uniqueKeysWithValues: self.order.enumerated().map { ($1, $0) })
    }
}
