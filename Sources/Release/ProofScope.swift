import SQLGeneration
import SchemaModel
import Support

/// The part of a source model a plan can reach: what a proof loads on its scratch
/// database instead of the whole schema. Loading the source was most of a proof
/// (13 of 15 s for a 2,905-statement plan at 5,000 tables, `schemactl-bench plan
/// --phases`); with a scope, a proof costs what the change touches.
///
/// The scope is built from:
/// - the roots: every object the diff changes, and every object a statement of
///   the plan names (read by `TouchedObjects`), so a statement that acts on an
///   object the diff does not change is still seen acting;
/// - their inheritance children and partitions, at any depth (an `ALTER TABLE`
///   recurses into them);
/// - the objects that depend on a root (pg_depend edges, in either model): a
///   `DROP` or an `ALTER` of the root is refused for them or changes them;
/// - everything those need to be created, followed through pg_depend edges to
///   the end, except a foreign key of a table that is not a root: the plan does
///   not act on that table, so a key of it to a table outside the scope is left
///   out of the scratch database and out of the comparison alike;
/// - a publication that names a table in the scope, naming only the scope's tables;
/// - always: schemas, extensions, and the kinds others use by name or that act
///   on every object created after them (collations, text search objects,
///   default privileges, event triggers, …).
///
/// Everything else is equal in the source and the target (the diff found no
/// change in it) and no statement names it. A statement whose reach cannot be
/// read from its text (`CASCADE`, a `DO` block, a kind `TouchedObjects` does not
/// read) leaves the plan unscoped, and a proof that fails on a scope is made
/// again on the whole source, so a scope can make a proof faster, never refuse
/// a plan the whole schema accepts.
public struct ProofScope: Sendable {
    /// Top-level objects in the scope (a member goes with its table).
    public let objects: Set<ObjectID>
    /// Objects the plan acts on, with their children: their foreign keys are kept whole.
    let roots: Set<ObjectID>
    /// How many of the source's top-level objects the scope holds, and how many it has.
    public let share: (objects: Int, of: Int)
    /// Indexes with an edge to a root (an expression that calls a root function): kept on
    /// a table outside the roots, whose other indexes are left out.
    let tiedIndexes: Set<ObjectID>

    /// A scope over more than this share of the source's objects is not worth its reckoning.
    public static let largestShare = 0.6

    /// nil when the plan must be proved on the whole source: a statement whose reach
    /// cannot be read, or a scope covering more than `largestShare` of it anyway.
    public init?(plan: Plan, changed: Set<ObjectID>, source: DatabaseModel, target: DatabaseModel,
                 largestShare: Double = ProofScope.largestShare) {
        let named = TouchedObjects(plan.statements.map(\.sql))
        guard !named.everything else { return nil }
        let models = [source, target]
        // The two graphs at once: each walks a whole model (0.35 s for both at 5,000 tables).
        let graphs = models.parallelMap(Graph.init)
        var roots = changed.map { $0.parent ?? $0 }.reduce(into: Set<ObjectID>()) { $0.insert($1) }
        for graph in graphs { roots.formUnion(graph.objects(named: named)) }
        // Children and partitions, at any depth.
        var queue = Array(roots)
        while let id = queue.popLast() {
            for graph in graphs {
                for child in graph.children[id, default: []] where roots.insert(child).inserted { queue.append(child) }
            }
        }
        var scope = roots
        // An operator family or class holds operators and functions through pg_amop and pg_amproc,
        // which the dependency edges leave out, and dropping a member takes its place in the family
        // without a word: the families that name a root are loaded and compared too.
        // By the member's name after its schema, as `regprocedure` and `regoperator` print it (the
        // schema, quoted or not, left out: a family of another schema's namesake comes along too).
        let members = roots.filter { [.function, .operator].contains($0.kind) }.map { ".\($0.name)(" }
        for graph in graphs where !members.isEmpty {
            for (family, definition) in graph.families where members.contains(where: { definition.contains($0) }) { scope.insert(family) }
        }
        for graph in graphs {
            for root in roots { scope.formUnion(graph.dependents[root, default: []]) }
            scope.formUnion(graph.alwaysLoaded)
        }
        // What the scope needs, to the end; a foreign key only from a root.
        queue = Array(scope)
        while let id = queue.popLast() {
            for graph in graphs {
                for needed in graph.needs[id, default: []] where scope.insert(needed).inserted { queue.append(needed) }
                // A bystander's index goes (see `restrict`) unless tied to a root: so does what only it needs.
                for references in graph.indexReferences[id, default: [:]].values
                where roots.contains(id) || graph.partitionTrees.contains(id) || !references.isDisjoint(with: roots) {
                    for needed in references where scope.insert(needed).inserted { queue.append(needed) }
                }
                guard roots.contains(id) else { continue }
                for referenced in graph.foreignKeys[id, default: []] where scope.insert(referenced).inserted { queue.append(referenced) }
            }
        }
        share = (scope.intersection(graphs[0].all).count, graphs[0].all.count)
        guard Double(share.objects) <= largestShare * Double(share.of) else { return nil }
        objects = scope
        self.roots = roots
        tiedIndexes = Set(graphs.flatMap { graph in
            graph.indexReferences.values.flatMap { indexes in indexes.filter { !$0.value.isDisjoint(with: roots) }.keys }
        })
    }

    /// The model with only the scope's objects. A table in the scope that is not a root
    /// (there for a root that references it or that it depends on) is a bystander: the
    /// plan does not act on it, so what only it holds is left out, on both sides alike:
    /// its foreign keys to tables outside the scope, its comment, and the indexes no
    /// edge ties to a root (most of such a table's statements: at 5,000 tables, four of
    /// the seven each of the benchmark's tables has). A partitioned table and a
    /// partition keep their indexes: a parent's index is made from its partitions'.
    /// A publication names only the scope's tables.
    public func restrict(_ model: DatabaseModel) -> DatabaseModel {
        var copy = model.keeping(objects)
        for index in copy.definedObjects.indices where copy.definedObjects[index].kind == .publication {
            copy.definedObjects[index] = copy.definedObjects[index].keepingPublishedTables { objects.contains(ObjectID(.table, $0)) }
        }
        for index in copy.tables.indices where !roots.contains(ObjectID(.table, copy.tables[index].name)) {
            var table = copy.tables[index]
            let id = ObjectID(.table, table.name)
            table.constraints.removeAll { constraint in
                guard let key = constraint.foreignKey else { return false }
                return !objects.contains(ObjectID(.table, key.referencedTable))
            }
            table.comment = nil
            if table.partitionOf == nil, table.partitionKey == nil {
                let named = [table.clusterOn, table.replicaIdentity?.components(separatedBy: "USING INDEX ").last]
                table.indexes.removeAll { index in
                    !tiedIndexes.contains(ObjectID(.index, index.name, on: id)) && !named.contains(index.name)
                }
            }
            copy.tables[index] = table
        }
        return copy
    }
}

extension ProofScope {
    /// One model's objects and the edges between them, members lifted to their table.
    struct Graph {
        var all: Set<ObjectID> = []
        /// What each object needs created first (foreign keys apart).
        var needs: [ObjectID: Set<ObjectID>] = [:]
        /// The objects that depend on each (foreign keys included).
        var dependents: [ObjectID: Set<ObjectID>] = [:]
        /// Tables each table references by a foreign key.
        var foreignKeys: [ObjectID: Set<ObjectID>] = [:]
        /// Inheritance children and partitions of each table.
        var children: [ObjectID: Set<ObjectID>] = [:]
        /// Each table's indexes (members) and what each references, lifted to top-level objects:
        /// apart from `needs`, as a bystander table is loaded without the indexes no root ties.
        var indexReferences: [ObjectID: [ObjectID: Set<ObjectID>]] = [:]
        /// Partitioned tables and partitions: they keep every index (a parent's is made from its partitions').
        var partitionTrees: Set<ObjectID> = []
        /// Loaded in every scope.
        var alwaysLoaded: Set<ObjectID> = []
        /// Operator families and classes, with their definitions (their members, by name).
        var families: [(ObjectID, String)] = []
        private var relationsByName: [String: [ObjectID]] = [:]
        private var functionsByName: [String: [ObjectID]] = [:]
        private var typesByName: [String: [ObjectID]] = [:]
        private var schemas: Set<ObjectID> = []

        init(_ model: DatabaseModel) {
            for schema in model.schemas { schemas.insert(ObjectID(kind: .schema, schema: nil, name: schema.name)) }
            alwaysLoaded = schemas.union(model.extensions.map { ObjectID(kind: .extension, schema: nil, name: $0.name) })
            var inheritance: Set<[ObjectID]> = []
            // The pg_depend edges between two tables are lifted from their members: a foreign key's,
            // or a column's that holds the other's row type, which must be made after it.
            let keys = Set(model.tables.flatMap { table in
                table.constraints.compactMap(\.foreignKey).map { [ObjectID(.table, table.name), ObjectID(.table, $0.referencedTable)] }
            })
            for table in model.tables {
                let id = ObjectID(.table, table.name)
                all.insert(id)
                if table.partitionOf != nil || table.partitionKey != nil { partitionTrees.insert(id) }
                relationsByName[table.name.name, default: []].append(id)
                for index in table.indexes { relationsByName[index.name, default: []].append(id) }
                for parent in table.parents {
                    children[ObjectID(.table, parent), default: []].insert(id)
                    needs[id, default: []].insert(ObjectID(.table, parent))
                    inheritance.insert([id, ObjectID(.table, parent)])
                }
            }
            for view in model.views {
                let id = ObjectID(view.materialized ? .materializedView : .view, view.name)
                all.insert(id)
                relationsByName[view.name.name, default: []].append(id)
                for index in view.indexes { relationsByName[index.name, default: []].append(id) }
            }
            for sequence in model.sequences {
                let id = ObjectID(.sequence, sequence.name)
                all.insert(id)
                // `OWNED BY table.column`, and the table's default that calls it: each needs the other.
                if let owner = sequence.ownedBy.map({ ObjectID(.table, $0.table) }) {
                    needs[id, default: []].insert(owner)
                    needs[owner, default: []].insert(id)
                }
                relationsByName[sequence.name.name, default: []].append(id)
            }
            for function in model.functions {
                let id = function.id
                all.insert(id)
                functionsByName[function.name.name, default: []].append(id)
            }
            let types = model.enums.map { ObjectID(.enum, $0.name) } + model.domains.map { ObjectID(.domain, $0.name) }
                + model.compositeTypes.map { ObjectID(.compositeType, $0.name) }
            for id in types {
                all.insert(id)
                typesByName[id.name, default: []].append(id)
            }
            for object in model.definedObjects {
                let id = object.id.parent ?? object.id
                all.insert(id)
                switch object.kind {
                case .rangeType, .shellType, .baseType: typesByName[object.name, default: []].append(id)
                case .foreignTable:
                    relationsByName[object.name, default: []].append(id)
                case .aggregate: functionsByName[object.name, default: []].append(id)
                case .operatorClass, .operatorFamily: families.append((id, object.definition))
                case .statistics, .publication, .rule, .operator, .securityLabel: break
                default: alwaysLoaded.insert(id)
                }
                // A publication depends on the tables it names: a table's drop takes it out of the
                // publication, and the server refuses a change of a column its column list or row
                // filter names. It needs none of them: `restrict` keeps the scope's (a publication of
                // every table would bring them all).
                for published in object.publishedTables { dependents[ObjectID(.table, published.table), default: []].insert(id) }
                // A statistics object goes with its table (`CREATE STATISTICS … FROM table`), both ways.
                if let table = object.statisticsTable {
                    let owner = ObjectID(.table, table)
                    if all.contains(owner) {
                        needs[owner, default: []].insert(id)
                        needs[id, default: []].insert(owner)
                    }
                }
            }
            for (dependent, referenced) in DependencyResolver(model).edges(of: model) {
                let (from, to) = (dependent.parent ?? dependent, referenced.parent ?? referenced)
                guard from != to else { continue }
                dependents[to, default: []].insert(from)
                if dependent.kind == .index {
                    indexReferences[from, default: [:]][dependent, default: []].insert(to)
                } else if keys.contains([from, to]), !inheritance.contains([from, to]) {
                    foreignKeys[from, default: []].insert(to)
                } else {
                    needs[from, default: []].insert(to)
                }
            }
        }

        /// The objects the statements name, matched by name in every schema (`TouchedObjects`
        /// reads names unqualified); an index stands for its table.
        func objects(named touched: TouchedObjects) -> Set<ObjectID> {
            var found: Set<ObjectID> = []
            for name in touched.relations { found.formUnion(relationsByName[name, default: []]) }
            for name in touched.functions { found.formUnion(functionsByName[name, default: []]) }
            for name in touched.types { found.formUnion(typesByName[name, default: []]) }
            for name in touched.schemas { found.formUnion(schemas.filter { $0.name == name }) }
            for name in touched.publications {
                let id = ObjectID(kind: .publication, schema: nil, name: name)
                if all.contains(id) { found.insert(id) }
            }
            return found
        }
    }
}
