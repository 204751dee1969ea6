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

    init(_ model: DatabaseModel, objects: [ObjectID]) {
        let nodes = Set(objects)
        let resolver = DependencyResolver(model)
        // Table to table edges that are not foreign keys: inheritance, and a column of another
        // table's row type (its type is named like the table).
        var tableEdges: Set<[ObjectID]> = []
        var rowTypes: [String: ObjectID] = [:]
        for table in model.tables {
            let id = ObjectID(.table, table.name)
            rowTypes[table.name.sql] = id
            rowTypes[SQLWriting.identPlain(table.name.schema) + "." + SQLWriting.identPlain(table.name.name)] = id
            if table.name.schema == "public" { rowTypes[SQLWriting.identPlain(table.name.name)] = id }
        }
        for table in model.tables {
            let id = ObjectID(.table, table.name)
            for parent in table.parents {
                tableEdges.insert([id, ObjectID(.table, parent)])
            }
            for column in table.columns {
                let bare = column.type.hasSuffix("[]") ? String(column.type.dropLast(2)) : column.type
                if let rowType = rowTypes[bare], rowType != id { tableEdges.insert([id, rowType]) }
            }
        }
        var needs: [ObjectID: Set<ObjectID>] = [:]
        var dependents: [ObjectID: [ObjectID]] = [:]
        func add(_ dependent: ObjectID, _ referenced: ObjectID) {
            guard dependent != referenced, nodes.contains(dependent), nodes.contains(referenced) else { return }
            if needs[dependent, default: []].insert(referenced).inserted { dependents[referenced, default: []].append(dependent) }
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
        for rule in objects where rule.kind == .rule {
            if let owner = rule.parent, let relation = relations[QualifiedName(schema: owner.schema ?? "", name: owner.name)] {
                add(rule, relation)
            }
        }
        for (dependent, referenced) in edges where !ioFunctions.contains([dependent, referenced]) {
            let from = dependent.kind == .rule && nodes.contains(dependent) ? dependent : dependent.parent ?? dependent
            let to = referenced.parent ?? referenced
            // Table to table is a foreign key (added last) unless it is inheritance or a row type.
            if from.kind == .table, to.kind == .table, !tableEdges.contains([from, to]) { continue }
            add(from, to)
        }
        for pair in tableEdges { add(pair[0], pair[1]) }
        // A cast WITH FUNCTION whose function returns another type than the cast's target needs
        // that type binary-coercible to the target, which may be a cast WITHOUT FUNCTION of the
        // model (18's create_cast test). pg_depend ties casts to no other cast: binary ones first.
        let casts = Dictionary(grouping: model.definedObjects.filter { $0.kind == .cast }) { $0.definition.contains(" WITHOUT FUNCTION") }
        for cast in casts[false] ?? [] {
            for binary in casts[true] ?? [] { add(cast.id, binary.id) }
        }
        // Structural edges the dependency query leaves implicit: an object after its schema.
        let schemas = Dictionary(objects.filter { $0.kind == .schema }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for object in objects where object.kind != .schema {
            if let schema = object.schema, let node = schemas[schema] { add(object, node) }
        }
        // Kahn's algorithm with the smallest ready object first.
        let keys = Dictionary(objects.map { ($0, Key($0)) }, uniquingKeysWith: { first, _ in first })
        let precedes = { (lhs: ObjectID, rhs: ObjectID) in keys[lhs]! < keys[rhs]! }
        var remaining = Dictionary(uniqueKeysWithValues: objects.map { ($0, needs[$0]?.count ?? 0) })
        var ready = objects.filter { remaining[$0] == 0 }.sorted { precedes($1, $0) }
        var order: [ObjectID] = []
        order.reserveCapacity(objects.count)
        while order.count < objects.count {
            if ready.isEmpty {
                // A cycle: the smallest object left goes first.
                guard let next = remaining.filter({ $0.value > 0 }).keys.min(by: precedes) else { break }
                remaining[next] = 0
                ready = [next]
            }
            let next = ready.removeLast()
            guard remaining[next] != nil else { continue }
            remaining[next] = nil
            order.append(next)
            for dependent in dependents[next] ?? [] {
                guard let count = remaining[dependent], count > 0 else { continue }
                remaining[dependent] = count - 1
                if count == 1 {
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
        self.order = order
        self.needs = needs
        self.position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }
}
