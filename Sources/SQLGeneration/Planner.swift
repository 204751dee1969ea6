import Diff
import SQLText
import SchemaModel
import Support

/// Turns the difference between two models into an ordered list of statements.
/// It opens no connection: `PlanCheck` proves a plan on a scratch database.
///
/// `plan()` holds the whole order, top to bottom. Drops run in reverse
/// dependency order of the old model, creations in dependency order of the new
/// one; an object that changes under its dependents (a view over a column whose
/// type changes, a trigger on a function that must be dropped) has them dropped
/// before and created after.
public struct Planner: Sendable {
    public let old: DatabaseModel
    public let new: DatabaseModel
    public let options: PlanOptions

    public init(from old: DatabaseModel, to new: DatabaseModel, options: PlanOptions = PlanOptions()) {
        self.old = old
        self.new = new
        self.options = options
    }

    /// Everything the planner decided before writing a statement.
    struct Work {
        var addedTop: Set<ObjectID> = []
        var removedTop: Set<ObjectID> = []
        /// Changed in place, with the diff's change.
        var changedTop: [ObjectID: SchemaChange] = [:]
        /// Dropped and created again: changed where PostgreSQL cannot alter, or under something that changes.
        var rebuilt: Set<ObjectID> = []
        /// Enums that lose or reorder values: renamed, created anew, columns moved over, old one dropped.
        var enumRebuilds: Set<ObjectID> = []
        /// Domains used by columns whose base type changes (or whose base enum is rebuilt): the same,
        /// as PostgreSQL cannot drop a domain a column uses nor change its base type.
        var domainRebuilds: Set<ObjectID> = []
        /// Range types whose definition changes under columns that hold them or their multirange
        /// (also in `rebuilt`): the columns changed to text before the type is dropped, and to the
        /// new type once it is created (`DDLWriter.parkColumns`).
        var rangeRebuilds: Set<ObjectID> = []
        /// Composite types whose attribute changes type under a column that holds them: the same
        /// (PostgreSQL refuses `ALTER ATTRIBUTE … TYPE` while a column uses the type).
        var compositeRebuilds: Set<ObjectID> = []
        /// Types that go where another kind of type takes their name, under columns that keep the
        /// name (a composite type replaced by a table): the old one is dropped with the other drops,
        /// its columns changed to text first, and cast to the new one once it is created. By the
        /// new object, the old one.
        var replacedTypes: [ObjectID: ObjectID] = [:]
        /// Tables the plan rewrites (a column's type changes, a column added with a default,
        /// unlogged or logged) or makes again, whose row type a column of another table that
        /// stays holds, itself or inside a composite type or a domain: the server refuses the
        /// rewrite while one does ("cannot alter table … because column … uses its row type"),
        /// and the drop. With the types that hold the row type (the table's first): their
        /// columns are changed to jsonb before the drops and read back once the table has
        /// changed (`DDLWriter.parkRowTypeColumns`).
        var rowTypeParks: [ObjectID: [QualifiedName]] = [:]
        /// What `addResultsOfReplacedFunctions` and `addRefreshedViews` compute again, by what made
        /// it stale (`Plan.recomputed`): its materialized views are refreshed after the creations
        /// and changes, in dependency order.
        var recomputed: [ObjectID: QualifiedName] = [:]
        /// Partitioned tables whose key calls a function replaced with other results, by that
        /// function: the rows in their partitions stay where the old results put them (said in a
        /// note; moving them is the user's call).
        var keysOverReplaced: [ObjectID: QualifiedName] = [:]
        /// Member changes of tables and views that stay (not added or removed whole).
        var addedMembers: [ObjectID: SchemaChange] = [:]
        var removedMembers: [ObjectID: SchemaChange] = [:]
        var changedMembers: [ObjectID: SchemaChange] = [:]
        /// Members dropped and created again (a changed constraint, a trigger on a rebuilt function).
        var rebuiltMembers: Set<ObjectID> = []
        /// Sequences that stay, owned by a column that goes (its table dropped or made again, or
        /// the column dropped): let go before the drop (which would take them: a new table's
        /// defaults then name a sequence that is gone) and owned again after, going on counting.
        var sequencesDetached: Set<ObjectID> = []
        /// Tables whose columns change type or go: what reads them must be rebuilt around it.
        var affectedTables: Set<ObjectID> = []
        /// Columns that change type, by table: what names them is rebuilt.
        var retypedColumns: [ObjectID: Set<String>] = [:]
        /// Generated columns dropped and added again, by table: their expression changes (PostgreSQL
        /// cannot alter it), or reads a column that changes type (which it refuses while they exist).
        /// What names them is rebuilt: DROP COLUMN takes their indexes and constraints with it.
        var readdedColumns: [ObjectID: Set<String>] = [:]
        /// Stored generated columns given their new expression in place (`SET EXPRESSION`, 17+),
        /// and those whose own expression is set again after a parent's recursed over it.
        var expressionsSet: Set<ObjectID> = []
        /// Columns whose change the server can make with `SET EXPRESSION` (`setsExpressionInPlace`),
        /// judged once when the changes are sorted.
        var expressionChangesInPlace: Set<ObjectID> = []
        /// Removed functions dropped with the other drops rather than last: an added function of
        /// the same name may take their call signature (a parameter renamed, an OUT one added).
        /// And privileges on an extension's member given back to what the extension gave it
        /// (`systemPrivileges`): before the extension goes, or is made again at a version that
        /// has no such member.
        var earlyDrops: Set<ObjectID> = []
        /// Default privileges undone before an extension's script runs and set again after
        /// (`addAroundExtensionScripts`): each statement only where the role running the plan is
        /// the one they are for, whose objects they reach.
        var defaultsAroundScripts: Set<ObjectID> = []
        /// Column defaults dropped with the other drops and set again after the changes: they
        /// call a function that is dropped before then.
        var defaultsDroppedEarly: Set<ObjectID> = []
        /// Identity columns that stop being one: dropped with the other drops, so that a sequence
        /// the plan creates (the serial it becomes) may take the identity sequence's name.
        var droppedIdentities: Set<ObjectID> = []
        /// A sequence whose position a column's new sequence takes over (`DDLWriter.continuing`),
        /// set aside and dropped last, by the new sequence's name: a serial's whose name the
        /// column's new identity takes, renamed aside with the other drops instead of dropped;
        /// and a copy of an identity's that becomes a serial, made before `DROP IDENTITY` takes it
        /// (`DDLWriter.dropIdentity`).
        var serialSequencesAside: [QualifiedName: QualifiedName] = [:]
        /// Collations whose definition changes under columns: renamed aside, created anew, their
        /// columns moved to the new one, the old one dropped last.
        var collationRebuilds: Set<ObjectID> = []
        /// Domain checks that call a function dropped before the creations, by domain: dropped
        /// with the other drops, added again (those that stay as they were) after the creations.
        var domainChecksDroppedEarly: [QualifiedName: Set<String>] = [:]
        /// Functions dropped with the views, before the columns, tables and views they need:
        /// those with a SQL-standard body that reads a column which changes type or goes, or a
        /// view that goes; removed ones that read or take the row type of a table that goes;
        /// and the functions whose bodies call them.
        var earlyReaders: Set<ObjectID> = []
        /// Changed in place (a base type, an operator) off a function that goes: its settings that
        /// name it are set to NONE before the drops, instead of the object being made again.
        var unlinkedEarly: Set<ObjectID> = []
        /// Tables a publication that stays lets go of while the plan changes them, by publication:
        /// made again (their drop takes them out of it), made unlogged, or holding a column that
        /// the publication's column list or row filter names and the plan drops or retypes (the
        /// server refuses that under it). Taken out before the drops (`ALTER PUBLICATION … DROP
        /// TABLE`) and given back after the creations, with the target's list and filter; the
        /// publication itself stays, as a subscriber's walsender must find it (`PublicationDDL`).
        var publicationTablesAside: [ObjectID: [QualifiedName]] = [:]
        /// Default partitions, by name, that may hold rows within the bounds of partitions their
        /// parent gains (made, attached, or given other bounds), with those partitions: the server
        /// refuses such a partition while its default holds one row in its bounds. Detached
        /// before the first of them joins, their rows within its bounds moved to it, attached
        /// again after (`DDLWriter.movingRows`). pgAdmin's partition cases move them so.
        var defaultsEmptied: [QualifiedName: [QualifiedName]] = [:]
        /// Partitions that stay under their parent with other bounds, and may hold rows outside
        /// the new ones (the server refuses to attach them so): attached after the creations,
        /// once their rows outside the new bounds have moved to their parent's default partition
        /// (detached, `defaultsEmptied`) or, with none, to the partitions that take them
        /// (`DDLWriter.movingRowsOut`). Not under a tree a foreign key references.
        var narrowed: Set<QualifiedName> = []
        /// Partitions of a partitioned table created again that stay its partitions: detached
        /// before it is dropped, so their rows stay, and attached to the new one.
        var reattached: Set<ObjectID> = []

        /// The columns the plan retypes or drops, by table: what a reader of them (a SQL-standard
        /// body, a publication's column list or row filter) cannot stay over. One pass over the
        /// removed members; its callers take it once, not once per table they ask about.
        var changedColumns: [ObjectID: Set<String>] {
            removedMembers.keys.reduce(into: retypedColumns) { columns, member in
                if member.kind == .column, let table = member.parent { columns[table, default: []].insert(member.name) }
            }
        }

        /// The enums, domains, composite and range types rebuilt under their columns.
        var typeRebuilds: Set<ObjectID> { enumRebuilds.union(domainRebuilds).union(compositeRebuilds).union(rangeRebuilds) }
    }

    public func plan() -> Plan {
        // Default privileges of the role running the plan are written for whoever runs it (see RunningRole).
        var old = self.old.withRunningRoleDefaultPrivileges()
        let new = self.new.withRunningRoleDefaultPrivileges()
        var notes: [String] = []
        var statements: [Statement] = []
        // Renames the user confirmed: renamed in the old model, so the diff sees one object.
        var (schemaRenames, renames) = applyRenames(to: &old)
        // Indexes, constraints and owned sequences the target holds under another name only: renamed, not built again.
        renames += NameOnlyRenames(old: &old, new: new).statements
        let before = ModelIndex(old), after = ModelIndex(new)
        // The diff and the two dependency orders are independent: computed at once (at 5,000
        // tables the orders were a quarter of planning, each on one core).
        let oldModel = old, emptySource = before.topLevel.isEmpty
        let computed = [0, 1, 2].parallelMap { piece -> Computed in
            switch piece {
            case 0: return .order(DependencyOrder(oldModel, objects: before.topLevel + before.rules))
            case 1: return .order(DependencyOrder(new, objects: after.topLevel + after.rules))
            default: return emptySource ? .nothing : .diff(SchemaDiff(from: oldModel, to: new))
            }
        }
        guard case let .order(oldOrder) = computed[0], case let .order(newOrder) = computed[1] else { fatalError("the orders were computed") }
        var work: Work
        let changed: Set<ObjectID>
        if emptySource {
            // From nothing (a schema script): everything is created, and no diff need be computed
            // (flattening every object was most of consolidate's time at 1,000 tables).
            work = Work()
            work.addedTop = Set(after.topLevel + after.rules)
            changed = work.addedTop
        } else {
            guard case let .diff(diff) = computed[2] else { fatalError("the diff was computed") }
            changed = Set(diff.changes.map(\.id))
            work = classify(diff, before: before, after: after)
        }
        addTypeRebuilds(to: &work, before: before, after: after)
        addFunctionUsers(to: &work, before: before, after: after)
        addIdentityChanges(to: &work, before: before, after: after)
        addPartitionIndexesOfDroppedParents(to: &work, before: before, after: after)
        let staleness = addResultsOfReplacedFunctions(to: &work, before: before, after: after, edges: oldOrder.edges)
        addReaddedColumns(to: &work, before: before, after: after)
        addExpressionsSet(to: &work, before: before, after: after, order: newOrder.order)
        addRowTypeParks(to: &work, before: before, after: after)
        addDependents(to: &work, before: before, after: after, edges: oldOrder.edges)
        // What the dependents' rebuild makes again whole (a partitioned table whose key reads a
        // retyped column) comes with its members computed anew; what reads it is known now.
        work.recomputed = work.recomputed.filter { id, _ in !work.rebuilt.contains(id.parent ?? id) }
        addRefreshedViews(to: &work, before: before, after: after, order: newOrder, cause: staleness)
        addParentChecksMadeAgain(to: &work, before: before, after: after)
        addPublicationTablesAside(to: &work, before: before, after: after)
        addDefaultsEmptied(to: &work, before: before, after: after)
        let defaultsAside = Self.defaultPrivilegesAside(work: &work, before: before, after: after)
        notes += possibleRenames(work, before: before, after: after)
        notes += work.rebuilt.sorted().map { id in
            // The model never reads a user mapping's options (they may hold passwords): a mapping
            // made again has none, and its user must set them again.
            "\(id) is dropped and created again"
                + Self.noUpdatePath(id, before: before, after: after)
                + (id.kind == .userMapping ? ", without its options (never read: they may hold passwords); set them again with ALTER USER MAPPING" : "")
        }
        notes += PasswordOptions.notes(old: old, new: new, created: work.addedTop.union(work.rebuilt))
        notes += work.publicationTablesAside.keys.sorted().map { Self.letGoNote($0, tables: work.publicationTablesAside[$0]!, after: after) }
        notes += work.keysOverReplaced.keys.sorted().map { id in
            "the partition key of \(ModelIndex.name(id).sql) calls \(work.keysOverReplaced[id]!.sql), which changes: "
                + "the rows in its partitions stay where the old results put them"
        }
        notes += work.recomputed.keys.sorted().map { id in
            let again = id.kind == .index ? "made again" : id.kind == .constraint ? "checked again"
                : id.kind == .materializedView ? "refreshed" : "computed again"
            return "\(id) is \(again) over \(work.recomputed[id]!.sql), which changes"
        }
        let existing = Set(old.tables.map { ObjectID(.table, $0.name) }).subtracting(work.rebuilt)
        let callers = Self.tablesInCyclesWithFunctions(newOrder.needs)
        var writer = DDLWriter(options: options, existingTables: existing, before: before, after: after, tablesInFunctionCycles: callers,
                               rebuiltMembers: work.rebuiltMembers, removedMembers: Set(work.removedMembers.keys),
                               createdWhole: work.addedTop.union(work.rebuilt))
        writer.clones = PartitionClones(writer: writer)
        writer.checksAfterChildrenJoin = Self.checksAfterChildrenJoin(created: work.addedTop.union(work.rebuilt), before: before, after: after)
        writer.fillsFromRows = Self.fillsFromRows(work.addedTop.union(work.rebuilt), in: after, needs: newOrder.needs, existing: existing)
        writer.serialSequencesAside = work.serialSequencesAside
        writer.defaultsAroundScripts = work.defaultsAroundScripts

        if options.online { statements.append(Statement("SET lock_timeout = '5s'")) }
        statements += PasswordOptions.drops(old: self.old, new: new, gone: work.removedTop.union(work.rebuilt))
        // Schemas renamed first: what follows names them by their new names.
        statements += schemaRenames
        statements += defaultsAside.undo
        // A table moved into a schema the plan makes: the schema first (with its owner, comment
        // and grants, which need nothing else), then the move.
        for schema in Set(options.renames.compactMap { $0.onTable && $0.column == nil ? $0.newTable.schema : nil }).sorted() {
            let id = ObjectID(kind: .schema, schema: nil, name: schema)
            guard work.addedTop.remove(id) != nil else { continue }
            statements += writer.create(id)
        }
        statements += renames
        // Enum values added in place, first: before 12 outside any transaction.
        for id in work.changedTop.keys.sorted() where id.kind == .enum && !work.enumRebuilds.contains(id) {
            statements += writer.addedEnumValues(work.changedTop[id]!)
        }

        // A partition's detach left pending is finished first: the server refuses any other change to it.
        let finishingDetach = work.changedTop.filter { id, change in
            guard id.kind == .table, case let .table(old)? = change.old, case let .table(new)? = change.new else { return false }
            return DDLWriter.finalizesDetach(old, new)
        }
        for id in finishingDetach.keys.sorted() { statements += writer.detach(finishingDetach[id]!) }

        let droppedTop = work.removedTop.union(work.rebuilt)
        // Event triggers that go, first, and those that come, last (as pg_dump writes them):
        // one in between would fire on the plan's own statements.
        for id in oldOrder.order where id.kind == .eventTrigger && droppedTop.contains(id) {
            statements += writer.drop(id, before: before)
        }
        // An event trigger that stays, over a function the plan replaces, is off until the end: its
        // old function would fire on the plan's DDL against what the plan changes (periods 1.2's
        // drop_protection read a column its downgrade drops).
        let pausedEventTriggers = oldOrder.order.filter { id in
            guard id.kind == .eventTrigger, !droppedTop.contains(id), !work.addedTop.contains(id),
                  case let .defined(trigger)? = before.object(id), !trigger.definition.hasSuffix(" DISABLE;"),
                  let function = Self.eventTriggerFunction(trigger.definition) else { return false }
            return work.changedTop.keys.contains { $0.kind == .function && $0.signature?.isEmpty != false
                && SQLWriting.qualifiedPlain(ModelIndex.name($0)) == function }
        }
        for id in pausedEventTriggers { statements.append(Statement("ALTER EVENT TRIGGER \(SQLWriting.ident(id.name)) DISABLE")) }
        // An event trigger changed in place (its firing state, its comment, its grants): one the
        // target no longer fires in ordinary sessions (disabled, or for replicas only) first, the
        // others last, as one made anew is; a paused one takes its state at the end.
        let changedEventTriggers = work.changedTop.keys.filter { $0.kind == .eventTrigger }.sorted()
        let stopsFiring = { (id: ObjectID) -> Bool in
            guard !pausedEventTriggers.contains(id), case let .defined(trigger)? = after.object(id) else { return false }
            return trigger.definition.hasSuffix(" DISABLE;") || trigger.definition.hasSuffix(" ENABLE REPLICA;")
        }
        for id in changedEventTriggers where stopsFiring(id) { statements += writer.alter(work.changedTop[id]!, work: work) }
        for id in work.unlinkedEarly.sorted() {
            if case let .defined(old)? = before.object(id), case let .defined(new)? = after.object(id) {
                statements += DefinedObjectDDL.unlink(old, new)
            }
        }
        // Tables publications let go of while the plan changes them (those made again leave with their drop).
        for id in work.publicationTablesAside.keys.sorted() {
            let detached = work.publicationTablesAside[id]!.filter { !work.rebuilt.contains(ObjectID(.table, $0)) }
            if !detached.isEmpty { statements.append(PublicationDDL.dropTables(detached, from: id)) }
        }
        // Drops. 1: foreign keys, so no table is held by one.
        let droppedMembers = (Set(work.removedMembers.keys).union(work.rebuiltMembers)).sorted()
        for id in droppedMembers where id.kind == .constraint {
            if case let .constraint(constraint)? = before.member(id), constraint.kind == .foreignKey {
                statements.append(writer.dropMember(id, before: before))
            }
        }
        // Tables that go take their foreign keys with them, but only when they go: a key they
        // reference may be dropped before that.
        let droppedTables = oldOrder.order.compactMap { id -> Table? in
            guard id.kind == .table, droppedTop.contains(id), case let .table(table)? = before.object(id) else { return nil }
            return table
        }
        let keysDropped = Set(droppedMembers.filter { $0.kind == .constraint })
        for table in droppedTables {
            // A partitioned table's key on itself goes too: its clones point at the partitions,
            // and hold each partition that goes before the parent. (Not twice: a key that goes
            // went above.)
            for constraint in table.constraints where constraint.kind == .foreignKey
                && (constraint.foreignKey?.referencedTable != table.name || table.kind == .partitioned)
                && !keysDropped.contains(ObjectID(.constraint, constraint.name, on: ObjectID(.table, table.name))) {
                statements.append(ConstraintDDL.drop(constraint, on: table.name))
            }
        }
        // 2: what reads other objects: triggers, policies, views, rules, publications, in reverse dependency order.
        for id in droppedMembers where id.kind == .trigger || id.kind == .policy {
            statements.append(writer.dropMember(id, before: before))
        }
        // A policy of a table that goes may read a view that goes first (two tables whose
        // policies read each other's views: no order of the relations alone holds).
        for table in droppedTables {
            let id = ObjectID(.table, table.name)
            for policy in table.policies { statements.append(writer.dropMember(ObjectID(.policy, policy.name, on: id), before: before)) }
        }
        // A check or index of a table that goes may call a function that goes before the table
        // (one over the table's row type, `Work.earlyReaders`): it goes first. The dependency
        // query lifts a check's edge to its table, so every check of such a table goes (with it anyway).
        var callersOfEarlyReaders: Set<ObjectID> = []
        for edge in oldOrder.edges where work.earlyReaders.contains(edge.referenced) {
            let table = edge.dependent.kind == .table ? edge.dependent : edge.dependent.parent
            guard let table, droppedTop.contains(table) else { continue }
            if edge.dependent.kind == .index { callersOfEarlyReaders.insert(edge.dependent) }
            if edge.dependent.kind == .table, case let .table(old)? = before.object(table) {
                for check in old.constraints where check.kind == .check { callersOfEarlyReaders.insert(ObjectID(.constraint, check.name, on: table)) }
            }
        }
        for id in callersOfEarlyReaders.sorted() { statements.append(writer.dropMember(id, before: before)) }
        let reverse = oldOrder.order.reversed().filter { droppedTop.contains($0) && $0.kind != .eventTrigger }
        // A publication names its tables' columns: it goes before them. So do extended
        // statistics, which nothing needs: a column's drop takes one it leaves with fewer than
        // two columns, and the statistics' own drop after it only said so.
        let readers: Set<ObjectKind> = [.view, .materializedView, .rule, .publication, .statistics]
        // With them, in the same order, the functions dropped before what they read (`Work.earlyReaders`).
        for id in reverse where readers.contains(id.kind) || work.earlyReaders.contains(id) { statements += writer.drop(id, before: before) }
        // A sequence that stays, owned by a column that goes (its table dropped or made again,
        // or the column dropped): `DROP` would take the sequence with it. Detached first, it is
        // owned again (where the target says) once its new owner is there.
        for sequence in before.model.sequences {
            guard let owner = sequence.ownedBy else { continue }
            let table = ObjectID(.table, owner.table)
            guard work.rebuilt.contains(table) || work.removedTop.contains(table)
                    || work.removedMembers[ObjectID(.column, owner.column, on: table)] != nil else { continue }
            let id = ObjectID(.sequence, sequence.name)
            guard !droppedTop.contains(id), after.sequences[sequence.name] != nil else { continue }
            work.sequencesDetached.insert(id)
            statements.append(TypeDDL.detachment(sequence))
        }
        let sequencesGoing = Self.sequencesGoingWithOwners(before: before, droppedTop: droppedTop, work: work)
        statements += sequencesGoing.detached
        writer.sequencesTakenBy = sequencesGoing.takenBy
        let takenByOwners = Set(sequencesGoing.takenBy.values.joined().map { ObjectID(.sequence, $0) })
        // 3: constraints, indexes and columns of tables that stay.
        // A partitioned table's index before its partitions': dropping it drops the ones attached
        // to it, which cannot be dropped on their own while attached.
        // A partition's index attached to a parent's index that goes, goes with that one: no
        // statement of its own (a thousand partitions made three thousand no-op drops).
        let droppedSet = Set(droppedMembers)
        let attachedToAParentThatGoes = { (id: ObjectID) -> Bool in
            guard let table = id.parent, let parentTable = before.tables[ModelIndex.name(table)]?.partitionOf else { return false }
            let parent: String?
            switch before.member(id) {
            case let .index(index)?: parent = index.attachedTo
            case let .constraint(constraint)?: parent = constraint.attachedTo
            default: parent = nil
            }
            guard let parent else { return false }
            return [ObjectKind.index, .constraint].contains { droppedSet.contains(ObjectID($0, parent, on: ObjectID(.table, parentTable))) }
        }
        // A parent's columns before its children's, whatever their names: the parent's drop takes
        // theirs, which cannot be dropped on their own while inherited ("cannot drop inherited
        // column"). So a column its parents' drops take (a partition's, a child's not declared
        // there too, under parents it stays under) has no statement of its own: it only said the
        // column was not there any more. A child's declared one stays, and goes by its own.
        let inheritedFromParentsThatDropIt = { (id: ObjectID) -> Bool in
            let name: String
            switch before.member(id) {
            case let .column(column)? where column.inheritedAndLocal != true: name = column.name
            case let .constraint(constraint)? where constraint.kind == .check && constraint.inheritedAndLocal != true: name = constraint.name
            default: return false
            }
            guard let table = id.parent, !work.reattached.contains(table), let was = before.tables[ModelIndex.name(table)],
                  let now = after.tables[ModelIndex.name(table)] else { return false }
            // A child's check of its parent's name is the parent's (one of its own by that name
            // is refused when it comes to inherit, or merged: `inheritedAndLocal`).
            let parents = (was.partitionOf.map { [$0] } ?? was.inherits).filter { parent in
                guard let parentTable = before.tables[parent] else { return false }
                return id.kind == .column ? parentTable.columns.contains { $0.name == name }
                    : parentTable.constraints.contains { $0.name == name && $0.kind == .check && !$0.definition.hasSuffix("NO INHERIT") }
            }
            return !parents.isEmpty && parents.allSatisfy { parent in
                (now.partitionOf == parent || now.inherits.contains(parent))
                    && droppedSet.contains(ObjectID(id.kind, name, on: ObjectID(.table, parent)))
            }
        }
        let goesWithParent = { (id: ObjectID) in attachedToAParentThatGoes(id) || inheritedFromParentsThatDropIt(id) }
        let droppedIndexes = droppedMembers.filter { $0.kind == .index && !goesWithParent($0) }.enumerated()
            .map { (id: $1, depth: $1.parent.map { before.depth(ModelIndex.name($0)) } ?? 0, rank: $0) }
            .sorted { ($0.depth, $0.rank) < ($1.depth, $1.rank) }.map(\.id)
        // A partition's index attached to its parent's cannot be dropped while it is: where the
        // partition leaves its parent, after it has.
        let leavingIndexes = Set(droppedIndexes.filter { id in
            guard case let .index(index)? = before.member(id), index.attachedTo != nil, let table = id.parent, let change = work.changedTop[table],
                  case let .table(old)? = change.old, case let .table(new)? = change.new else { return false }
            return old.partitionOf != nil && old.partitionOf != new.partitionOf
        })
        for id in droppedIndexes where !leavingIndexes.contains(id) { statements.append(writer.dropMember(id, before: before)) }
        // A typed table's columns go with its type's attributes (ALTER TYPE … CASCADE).
        // Partitions and children that leave their parent leave it now: before the parent's
        // columns change, and before their own columns that came from it can be dropped.
        for id in newOrder.order where id.kind == .table && finishingDetach[id] == nil {
            if let change = work.changedTop[id] { statements += writer.detach(change, reattached: work.reattached.contains(id)) }
        }
        for id in droppedIndexes where leavingIndexes.contains(id) { statements.append(writer.dropMember(id, before: before)) }
        // A table dropped or made again takes its columns with it: dropped one by one first, a
        // column of its partition key is refused ("part of the partition key").
        let droppedColumns = droppedMembers.filter { id in
            id.kind == .column && !writer.isTypedTable(id.parent) && !(id.parent.map { droppedTop.contains($0) } ?? false)
                && !goesWithParent(id)
        }
        // A generated column before those it reads: the server drops none under one (and a
        // generated column reads no other).
        let generated = { (id: ObjectID) -> Bool in
            if case let .column(column)? = before.member(id) { return column.generatedExpression != nil }
            return false
        }
        let generatedFirst = droppedColumns.filter(generated) + droppedColumns.filter { !generated($0) }
        // A partitioned table's constraints before its partitions': the same. Constraints before
        // the columns: a column's drop takes those over it (a DROP CONSTRAINT IF EXISTS after it
        // only said so), and an exclusion constraint over an expression of a column (`NULLIF(code,
        // '') WITH =`) holds the column by its index alone, which the server will not drop under
        // the constraint that owns it: it refused the column's drop.
        let droppedConstraints = droppedMembers.filter { id in
            guard id.kind == .constraint, case let .constraint(constraint)? = before.member(id) else { return false }
            return constraint.kind != .foreignKey && !goesWithParent(id)
        }
        let drop = { (ids: [ObjectID]) in for id in parentsFirst(ids, before) { statements.append(writer.dropMember(id, before: before)) } }
        drop(droppedConstraints)
        let notNulls = writer.notNullsAroundParentsDrop(droppedColumns)
        statements += notNulls.before
        drop(generatedFirst)
        statements += notNulls.after
        statements += writer.dropDomainChecks(work.domainChecksDroppedEarly)
        for id in work.droppedIdentities.sorted() { statements += writer.dropIdentity(id) }
        for id in work.defaultsDroppedEarly.sorted() { statements += writer.dropDefault(id) }
        for table in work.readdedColumns.keys.sorted() { statements += writer.dropReaddedColumns(of: table, work: work) }
        // 4: tables, and what is created again, in reverse dependency order of the old model.
        // A foreign table goes with the tables: it may be one's partition or child.
        var lateDrops = reverse.filter { !readers.contains($0.kind) && $0.kind != .table && $0.kind != .foreignTable && !work.rebuilt.contains($0)
            && !work.earlyDrops.contains($0) && !work.earlyReaders.contains($0) && !takenByOwners.contains($0) }
        // Unless it needs what goes now (a composite type with an attribute of a dropped table's
        // row type), and so on: whatever needs one of those goes before it, now too.
        // So does what takes a type the plan renames aside and drops (an enum losing a value): a
        // function's DROP names the type by its name, which by the end is the new type's
        // (procrastinate's finish_job_v1, on a downgrade).
        var goesNow = Set(reverse).subtracting(lateDrops).union(work.enumRebuilds).union(work.domainRebuilds)
            .union(work.compositeRebuilds)
        var moved = true
        while moved {
            moved = false
            lateDrops.removeAll { id in
                guard !(oldOrder.needs[id] ?? []).isDisjoint(with: goesNow) else { return false }
                goesNow.insert(id)
                moved = true
                return true
            }
        }
        let dropsLate = Set(lateDrops)
        // The columns that hold a row type the plan rewrites, parked as text: those of a table
        // whose own row type is held, before that table's (reverse dependency order).
        for id in oldOrder.order.reversed() { if let types = work.rowTypeParks[id] { statements += writer.parkRowTypeColumns(holding: types) } }
        for id in reverse where !readers.contains(id.kind) && !dropsLate.contains(id) && !work.earlyReaders.contains(id)
            && !takenByOwners.contains(id) {
            if work.rangeRebuilds.contains(id) { statements += writer.parkColumns(holding: DDLWriter.rangeTypes(id, in: before)) }
            if work.replacedTypes.values.contains(id) { statements += writer.parkColumns(holding: [ModelIndex.name(id)]) }
            if id.kind == .sequence, let aside = work.serialSequencesAside[ModelIndex.name(id)] {
                statements.append(Statement("ALTER SEQUENCE \(ModelIndex.name(id).sql) RENAME TO \(SQLWriting.ident(aside.name))"))
                continue
            }
            statements += writer.drop(id, before: before)
        }

        // Creations and changes in place, in dependency order of the new model.
        if newOrder.order.contains(where: { ($0.kind == .function || $0.kind == .procedure)
            && (work.addedTop.contains($0) || work.rebuilt.contains($0) || work.changedTop[$0] != nil) }) {
            statements.append(Statement("SET check_function_bodies = off"))
        }
        var madeBeforeJoining: Set<ObjectID> = []
        let tablesWithMemberChanges = Set((work.addedMembers.keys.map { $0 } + work.changedMembers.keys.map { $0 })
            .filter { $0.kind == .column }.compactMap(\.parent)).union(work.readdedColumns.keys)
            .union(work.defaultsDroppedEarly.compactMap(\.parent)).union(work.expressionsSet.compactMap(\.parent))
        // A base type is created as a shell before the first of its input and output functions.
        var shells: [ObjectID: ObjectID] = [:]
        for id in newOrder.order where id.kind == .baseType && (work.addedTop.contains(id) || work.rebuilt.contains(id)) {
            for function in newOrder.needs[id] ?? [] where function.kind == .function && shells[function] == nil { shells[function] = id }
        }
        var shelled: Set<ObjectID> = []
        var eventTriggers: [ObjectID] = []
        let emptiedBy = Dictionary(work.defaultsEmptied.flatMap { defaultPartition, partitions in
            partitions.map { (ObjectID(.table, $0), defaultPartition) } }, uniquingKeysWith: { first, _ in first })
        var detachedDefaults: Set<QualifiedName> = []
        for id in newOrder.order {
            if let defaultPartition = emptiedBy[id], detachedDefaults.insert(defaultPartition).inserted {
                statements.append(writer.detachDefault(defaultPartition))
            }
            if id.kind == .eventTrigger, work.addedTop.contains(id) || work.rebuilt.contains(id) {
                eventTriggers.append(id)
                continue
            }
            if let type = shells[id], shelled.insert(type).inserted { statements += writer.shell(type) }
            if work.addedTop.contains(id) || work.rebuilt.contains(id) {
                statements += writer.create(id)
                if let types = work.rowTypeParks[id] { statements += writer.unparkRowTypeColumns(of: types) }
                // Made again, or anew in place of one of the same types (a parameter renamed).
                if id.kind == .operator || id.kind == .function {
                    statements += DefinedObjectDDL.familyPlaces(of: id, in: after, except: work.addedTop.union(work.rebuilt))
                }
                if work.rangeRebuilds.contains(id) {
                    statements += writer.unparkColumns(of: DDLWriter.rangeTypes(id, in: before), to: DDLWriter.rangeTypes(id, in: after))
                }
                if work.replacedTypes[id] != nil { statements += writer.unparkColumns(of: [ModelIndex.name(id)], to: [ModelIndex.name(id)]) }
            } else if work.enumRebuilds.contains(id) {
                statements += writer.rebuildEnum(work.changedTop[id]!, work: work)
            } else if work.domainRebuilds.contains(id) {
                statements += writer.rebuildDomain(id, work: work)
            } else if work.compositeRebuilds.contains(id) {
                statements += writer.rebuildComposite(id, work: work)
            } else if work.collationRebuilds.contains(id) {
                statements += writer.rebuildCollation(id, work: work)
            } else if let change = work.changedTop[id], id.kind != .eventTrigger {
                statements += writer.alter(change, work: work)
            } else if let tables = work.publicationTablesAside[id], case let .defined(publication)? = after.object(id) {
                statements += PublicationDDL.alter(publication, publication, givenBack: tables) ?? []
            }
            if id.kind == .table, !work.addedTop.contains(id), !work.rebuilt.contains(id) {
                if tablesWithMemberChanges.contains(id) { statements += writer.alterColumns(of: id, work: work) }
                // After its columns: a parent it now inherits from, or is attached to, must find them.
                if let change = work.changedTop[id] {
                    // What the parent's need there first (`membersBeforeJoining`).
                    for member in Self.membersBeforeJoining(change, work: work, after: after) {
                        statements += writer.createMember(member, beforeJoining: member.parent == id)
                        madeBeforeJoining.insert(member)
                    }
                    statements += writer.joining(change, reattached: work.reattached.contains(id),
                                                 attaching: !work.narrowed.contains(ModelIndex.name(id)))
                }
                if let types = work.rowTypeParks[id] { statements += writer.unparkRowTypeColumns(of: types) }
            }
        }

        // Rows that leave a partition with no default to take them wait in a temporary table, one
        // per parent, until every partition that changes bounds is attached again.
        var holders: [QualifiedName: QualifiedName] = [:]
        for partition in work.narrowed.sorted() {
            let defaultPartition = emptiedBy[ObjectID(.table, partition)]
            let parent = after.tables[partition]?.partitionOf ?? partition
            if defaultPartition == nil, holders[parent] == nil {
                let holder = QualifiedName(schema: "pg_temp", name: "schemactl_rows_\(holders.count + 1)")
                holders[parent] = holder
                statements.append(writer.holdingRows(of: parent, in: holder))
            }
            statements.append(writer.movingRowsOut(of: partition, into: defaultPartition ?? holders[parent]!, finallyTo: defaultPartition ?? parent))
            statements += writer.attachPartition(partition)
        }
        for (parent, holder) in holders.sorted(by: { $0.value.name < $1.value.name }) {
            statements += writer.insertingHeldRows(into: parent, from: holder)
        }
        for (defaultPartition, partitions) in work.defaultsEmptied.sorted(by: { $0.key < $1.key }) {
            statements += partitions.map { writer.movingRows(from: defaultPartition, into: $0) }
            statements += writer.attachPartition(defaultPartition)
        }

        for id in newOrder.order where id.kind == .materializedView && work.recomputed[id] != nil {
            statements.append(writer.refresh(id))
        }

        // Members created last: constraints, indexes (partitions before their parents,
        // which then attach them), foreign keys, triggers, policies.
        // The members of a table created whole come with it, whatever the diff said of them
        // (a key whose columns change, on a table that becomes partitioned).
        let createdWhole = work.addedTop.union(work.rebuilt)
        var created = (work.addedMembers.keys.map { $0 } + work.rebuiltMembers.filter { after.member($0) != nil })
            .filter { id in id.parent.map { !createdWhole.contains($0) } ?? true && !madeBeforeJoining.contains(id) }
        for id in newOrder.order where createdWhole.contains(id) {
            created += writer.members(of: id, withoutInlined: true)
        }
        // Deepest partitions first, then by identity; the keys computed once.
        let keyed = created.map { id in (id, id.parent.map { after.depth(ModelIndex.name($0)) } ?? 0, id.kind.rank, id.sql) }
        let ordered = keyed.sorted { lhs, rhs in
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            if lhs.2 != rhs.2 { return lhs.2 < rhs.2 }
            return lhs.3.precedes(rhs.3)
        }.map(\.0)
        // An index added to a partitioned table whose partitions' indexes the server would name
        // as the target does: one statement on the whole tree (online, each partition's is built
        // concurrently instead).
        if !options.online {
            (writer.wholeTreeIndexes, writer.madeByParentIndexes) = PartitionIndexNames(before: before, after: after)
                .wholeTreeIndexes(created: Set(created))
        }
        for pass in MemberPass.allCases {
            for id in ordered where pass.includes(id, in: after) { statements += writer.createMember(id) }
        }
        for id in work.changedMembers.keys.sorted() where id.kind != .column && !createdWhole.contains(id.parent ?? id) {
            statements += writer.alterMember(work.changedMembers[id]!)
        }
        for id in newOrder.order where id.kind == .table {
            statements += writer.indexSettings(id, work: work)
        }
        var touchedTriggers = Set((created + work.changedMembers.keys).filter { $0.kind == .trigger })
        for id in newOrder.order where id.kind == .table {
            statements += writer.partitionTriggerStates(id, work: work, touched: &touchedTriggers)
        }
        for id in newOrder.order where id.kind == .sequence {
            statements += writer.sequenceOwnership(id, work: work)
        }
        statements += writer.addDomainChecks(work.domainChecksDroppedEarly)
        // Last, what is removed and may still be used until the changes above ran: a type a column
        // leaves, the sequence behind a serial that became an identity, a function a default called.
        for id in lateDrops { statements += writer.drop(id, before: before) }
        for aside in work.serialSequencesAside.values.sorted() { statements.append(Statement("DROP SEQUENCE \(aside.sql)")) }
        // The rebuilt types' old selves, once nothing uses them: composites, domains, enums, then collations.
        // Each kind in reverse dependency order: a composite type holding another goes before it.
        let asideOrder = oldOrder.order.reversed()
        for rebuilds in [work.compositeRebuilds, work.domainRebuilds, work.enumRebuilds, work.collationRebuilds] {
            for id in asideOrder where rebuilds.contains(id) { statements += writer.dropAside(id) }
        }
        for id in eventTriggers { statements += writer.create(id) }
        for id in changedEventTriggers where !stopsFiring(id) {
            statements += writer.alter(work.changedTop[id]!, work: work).filter { !(pausedEventTriggers.contains(id) && $0.sql.hasPrefix("ALTER EVENT TRIGGER ")) }
        }
        for id in pausedEventTriggers where !work.rebuilt.contains(id) {
            // As the target has it: enabled (no ALTER line), or its own ENABLE … or DISABLE line.
            guard case let .defined(trigger)? = after.object(id), !trigger.definition.hasSuffix(" DISABLE;") else { continue }
            statements.append(DefinedObjectDDL.firingState(of: trigger))
        }
        statements += defaultsAside.redo
        var plan = Plan(statements: Self.committingNewEnumValues(AlterTableJoin.joined(statements)), notes: notes)
        plan.changedObjects = changed
        plan.recomputed = work.recomputed
        Self.markUnpublished(&plan, aside: work.publicationTablesAside)
        Self.markDefaultsDetached(&plan, defaults: work.defaultsEmptied.keys.sorted())
        return plan
    }

    /// In a plan that runs outside a transaction, the statement that detaches a default
    /// partition while rows move (`Work.defaultsEmptied`) carries `Hazard.defaultDetached`: each
    /// statement commits alone, and the parent has no default partition in between.
    private static func markDefaultsDetached(_ plan: inout Plan, defaults: [QualifiedName]) {
        guard plan.needsNoTransaction else { return }
        for table in defaults {
            guard let at = plan.statements.firstIndex(where: { $0.sql.hasSuffix(" DETACH PARTITION \(table.sql);") }) else { continue }
            plan.statements[at].hazards.append(.defaultDetached(table))
        }
    }

    /// In a plan that runs outside a transaction, the statement with which each publication lets
    /// go of its tables (or, where they all left with their drop, the one that gives them back)
    /// carries `Hazard.unpublished`: each statement commits alone, and a subscriber misses the rows
    /// written in between.
    private static func markUnpublished(_ plan: inout Plan, aside: [ObjectID: [QualifiedName]]) {
        guard plan.needsNoTransaction else { return }
        for id in aside.keys.sorted() {
            let head = "ALTER PUBLICATION \(SQLQuoting.identifier(id.name)) "
            let statements = plan.statements
            guard let at = statements.firstIndex(where: { $0.sql.hasPrefix(head + "DROP TABLE ") })
                    ?? statements.firstIndex(where: { $0.sql.hasPrefix(head + "ADD TABLE ") || $0.sql.hasPrefix(head + "SET TABLE") }) else { continue }
            plan.statements[at].hazards.append(.unpublished(publication: id.name, tables: aside[id]!))
        }
    }

    /// The function an event trigger's definition executes, as `schema.name` (quote_ident'ed).
    static func eventTriggerFunction(_ definition: String) -> String? {
        guard let execute = definition.range(of: " EXECUTE FUNCTION "), let call = definition.range(of: "();", range: execute.upperBound..<definition.endIndex)
        else { return nil }
        return String(definition[execute.upperBound..<call.lowerBound])
    }

    /// What `plan()` computes at once before it decides anything.
    private enum Computed {
        case diff(SchemaDiff), order(DependencyOrder), nothing
    }

    /// Tables that need a function which itself needs the table (a check calling a function
    /// that takes the table's row type): the order breaks such a cycle by creating the table
    /// first, so its checks cannot be written inside its CREATE TABLE.
    static func tablesInCyclesWithFunctions(_ needs: [ObjectID: Set<ObjectID>]) -> Set<ObjectID> {
        var result: Set<ObjectID> = []
        for (table, needed) in needs where table.kind == .table {
            let functions = needed.filter { $0.kind == .function || $0.kind == .procedure }
            guard !functions.isEmpty else { continue }
            var seen: Set<ObjectID> = []
            var stack = Array(functions)
            while let next = stack.popLast() {
                if next == table { result.insert(table); break }
                guard seen.insert(next).inserted else { continue }
                stack += needs[next] ?? []
            }
        }
        return result
    }

    /// A value added to an enum cannot be used before its transaction commits ("unsafe
    /// use of new value"): when a later statement names it (a default, a check, a view),
    /// the `ADD VALUE` runs outside the transaction, and the plan becomes a bare one.
    static func committingNewEnumValues(_ statements: [Statement]) -> [Statement] {
        var statements = statements
        for index in statements.indices where statements[index].sql.hasPrefix("ALTER TYPE ") && !statements[index].outsideTransaction {
            guard let range = statements[index].sql.range(of: " ADD VALUE IF NOT EXISTS ") else { continue }
            let rest = statements[index].sql[range.upperBound...]
            // The label: the literal right after it.
            guard let (value, _) = SQLQuoting.readQuoted(rest, quote: "'") else { continue }
            let label = SQLWriting.literal(value)
            if statements[(index + 1)...].contains(where: { $0.sql.contains(label + "::") }) {
                statements[index].outsideTransaction = true
                statements[index].notes.append("outside the transaction: a later statement uses the new value, which PostgreSQL allows only once it is committed")
            }
        }
        return statements
    }

    /// The order members are created in, pass by pass.
    enum MemberPass: CaseIterable {
        case constraints, indexes, foreignKeys, triggersAndPolicies

        func includes(_ id: ObjectID, in model: ModelIndex) -> Bool {
            switch (self, id.kind) {
            case (.constraints, .constraint), (.foreignKeys, .constraint):
                guard case let .constraint(constraint)? = model.member(id) else { return false }
                return (constraint.kind == .foreignKey) == (self == .foreignKeys)
            case (.indexes, .index): return true
            case (.triggersAndPolicies, .trigger), (.triggersAndPolicies, .policy): return true
            default: return false
            }
        }
    }

    /// Members of tables, those of a parent before those of its partitions and children (by
    /// depth in the old model's inheritance), in their order otherwise.
    private func parentsFirst(_ members: [ObjectID], _ before: ModelIndex) -> [ObjectID] {
        members.enumerated().sorted { lhs, rhs in
            let depths = [lhs.element, rhs.element].map { $0.parent.map { before.depth(ModelIndex.name($0)) } ?? 0 }
            return (depths[0], lhs.offset) < (depths[1], rhs.offset)
        }.map(\.element)
    }

    // MARK: - What changes, and what it takes with it

    private func classify(_ diff: SchemaDiff, before: ModelIndex, after: ModelIndex) -> Work {
        var work = Work()
        // A rule on a table added or removed whole comes inside the table's change; it is planned on its own.
        let changes = diff.changes.flatMap { change in [change] + change.members.filter { $0.kind == .rule } }
        for change in changes {
            let id = change.id
            if id.parent == nil || id.kind == .rule {
                switch change.change {
                case .added: work.addedTop.insert(id)
                case .removed:
                    work.removedTop.insert(id)
                    if id.kind == .systemPrivileges { work.earlyDrops.insert(id) }
                case .changed:
                    if needsRebuild(change) { work.rebuilt.insert(id) } else { work.changedTop[id] = change }
                    // A foreign table altered in place: the views over a column it drops or retypes
                    // go and come back around it, as over a table's.
                    if id.kind == .foreignTable, !work.rebuilt.contains(id), case let .defined(old)? = change.old,
                       case let .defined(new)? = change.new {
                        let columns = ForeignTableDDL.changedColumns(old, new)
                        if !columns.isEmpty {
                            work.affectedTables.insert(id)
                            work.retypedColumns[id, default: []].formUnion(columns)
                        }
                    }
                    if id.kind == .enum, case let .enum(oldType)? = change.old, case let .enum(newType)? = change.new,
                       !Self.isSubsequence(oldType.labels, of: newType.labels) {
                        work.enumRebuilds.insert(id)
                    }
                }
                continue
            }
            switch change.change {
            case .added: work.addedMembers[id] = change
            case .removed:
                work.removedMembers[id] = change
                if id.kind == .column, let table = id.parent { work.affectedTables.insert(table) }
            case .changed:
                let names = Set(change.properties.map(\.name))
                switch id.kind {
                case .column:
                    work.changedMembers[id] = change
                    if Self.setsExpressionInPlace(change, major: options.serverMajor) { work.expressionChangesInPlace.insert(id) }
                    if !names.isDisjoint(with: ["type", "collation", "generated"]), let table = id.parent,
                       !work.expressionChangesInPlace.contains(id) {
                        work.affectedTables.insert(table)
                        work.retypedColumns[table, default: []].insert(id.name)
                    }
                case .constraint:
                    if names.isSubset(of: ["comment", "index comment"]) || Self.onlyValidated(change) || Self.localnessFollows(change, before: before, after: after)
                        || Self.invalidatedWithItsParent(change, after: after)
                        || Self.onlyStorageParameters(change) || Self.onlyAttached(change) || Self.detachedWithItsTable(change, before: before, after: after) {
                        work.changedMembers[id] = change
                    } else {
                        work.rebuiltMembers.insert(id)
                    }
                case .index:
                    // An index attached to its parent's cannot be detached: only attaching is a change in place.
                    var attaching = false
                    if case let .index(old)? = change.old { attaching = old.attachedTo == nil }
                    // A partitioned table's index that becomes valid: its last partitions' indexes are
                    // attached (their own changes), which makes it valid; made again, it would take
                    // with it those attached already.
                    var becomesValid = false
                    if case let .index(old)? = change.old, case let .index(new)? = change.new, let table = id.parent,
                       after.tables[ModelIndex.name(table)]?.kind == .partitioned {
                        becomesValid = old.invalid && !new.invalid
                    }
                    // Statistics targets change in place beside any of these.
                    let names = names.subtracting(["statistics"])
                    if names.isSubset(of: ["comment", "attached to"]) && (attaching || !names.contains("attached to"))
                        || Self.detachedWithItsTable(change, before: before, after: after)
                        || names.isSubset(of: ["comment", "invalid"]) && becomesValid
                        || Self.onlyStorageParameters(change) {
                        work.changedMembers[id] = change
                    } else {
                        work.rebuiltMembers.insert(id)
                    }
                case .trigger:
                    if names.isSubset(of: ["comment", "enabled"]) { work.changedMembers[id] = change } else { work.rebuiltMembers.insert(id) }
                case .policy:
                    if names == ["comment"] { work.changedMembers[id] = change } else { work.rebuiltMembers.insert(id) }
                default:
                    work.rebuiltMembers.insert(id)
                }
            }
        }
        addAroundExtensionScripts(to: &work, before: before, after: after)
        return work
    }

    /// What the scripts of the extensions the plan makes, makes again or updates touch beside
    /// them. A script runs under the default privileges in place: the members it makes would
    /// take them, which the target (where the extension may have come before them) need not
    /// hold; they are undone before it and set again after, where they are the running role's
    /// (another role's reach none of its objects, and would need that role's membership to
    /// change). An extension made again gives its members what its script gives them: the
    /// privileges they hold beside that are set again on them (system privileges, last). The
    /// model does not say which extension a member is of: those of its schema are taken
    /// (another extension's there are given back and set again, which changes nothing).
    private func addAroundExtensionScripts(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        let remade = work.rebuilt.filter { $0.kind == .extension }
        let scripted = !remade.isEmpty || work.addedTop.contains { $0.kind == .extension } || work.changedTop.values.contains { change in
            guard case let .extension(old)? = change.old, case let .extension(new)? = change.new else { return false }
            return old.version != new.version
        }
        guard scripted else { return }
        for object in before.model.definedObjects where object.kind == .defaultPrivileges && after.defined[object.id] != nil {
            work.rebuilt.insert(object.id)
            work.changedTop[object.id] = nil
            work.defaultsAroundScripts.insert(object.id)
        }
        let schemas = Set(remade.flatMap { id in
            [before.model, after.model].compactMap { model in model.extensions.first { $0.name == id.name }?.schema }
        })
        for object in after.model.definedObjects where object.kind == .systemPrivileges && schemas.contains(object.schema ?? "")
            && before.defined[object.id] != nil {
            work.rebuilt.insert(object.id)
            work.changedTop[object.id] = nil
        }
    }

    /// The materialized views among `created` made with data that read, through views and other
    /// materialized views, a table that existed before the plan: their creation runs the query
    /// over its rows.
    static func fillsFromRows(_ created: Set<ObjectID>, in after: ModelIndex, needs: [ObjectID: Set<ObjectID>],
                              existing: Set<ObjectID>) -> Set<ObjectID> {
        Set(created.filter { id in
            guard id.kind == .materializedView, after.views[ModelIndex.name(id)]?.withNoData != true else { return false }
            var seen: Set<ObjectID> = [id], queue = [id]
            while let next = queue.popLast() {
                for needed in needs[next] ?? [] where seen.insert(needed).inserted {
                    if existing.contains(needed) { return true }
                    if needed.kind == .view || needed.kind == .materializedView { queue.append(needed) }
                }
            }
            return false
        })
    }

    /// What a table that joins a parent gains that the parent's need there first, made before
    /// it joins. As a partition (of a new parent): the indexes and keys the target attaches to
    /// the parent's, with those its own partitions gain (a partitioned table's key made `ON
    /// ONLY` it is valid only once theirs are attached), deepest first, each partitioned table's
    /// then attaching its partitions'; `ATTACH PARTITION` attaches them (it builds one of its
    /// own naming for any it finds no match of, and the target's could then not be attached).
    /// Either way, the checks it shares with a new parent, which `ATTACH PARTITION` and
    /// `INHERIT` ask of it ("child table is missing constraint"); a partition's is then the
    /// parent's only, as the target holds it.
    private static func membersBeforeJoining(_ change: SchemaChange, work: Work, after: ModelIndex) -> [ObjectID] {
        guard case let .table(old)? = change.old, case let .table(new)? = change.new else { return [] }
        let attaches = new.partitionOf != nil && old.partitionOf != new.partitionOf
        let newParents = (new.inherits.filter { !old.inherits.contains($0) } + (attaches ? [new.partitionOf!] : [])).compactMap { after.tables[$0] }
        guard attaches || !newParents.isEmpty else { return [] }
        let tree = attaches ? Set([new.name] + after.descendants(of: new.name)) : []
        let members = work.addedMembers.keys.filter { id in
            guard let parent = id.parent, let table = after.tables[ModelIndex.name(parent)] else { return false }
            switch id.kind {
            case .index:
                return tree.contains(table.name) && table.index(id.name)?.attachedTo != nil
            case .constraint:
                guard let constraint = table.constraint(id.name) else { return false }
                if constraint.kind == .check {
                    return table.name == new.name && newParents.contains { $0.constraint(id.name)?.kind == .check }
                }
                return tree.contains(table.name) && constraint.hasIndex && constraint.attachedTo != nil
            default:
                return false
            }
        }
        let depths: [(id: ObjectID, depth: Int)] = members.map { ($0, after.depth(ModelIndex.name($0.parent!))) }
        return depths.sorted { $0.depth != $1.depth ? $0.depth > $1.depth : $0.id < $1.id }.map(\.id)
    }

    /// Why an extension is made again: `, as no update path leads from version "1.6" to "1.5"`.
    private static func noUpdatePath(_ id: ObjectID, before: ModelIndex, after: ModelIndex) -> String {
        guard id.kind == .extension, case let .extension(old)? = before.object(id), case let .extension(new)? = after.object(id) else { return "" }
        return ", as no update path leads from version \(SQLWriting.literal(old.version)) to \(SQLWriting.literal(new.version))"
    }

    /// An extension of `options.extensionsRemade` (no update path to the target's version) is
    /// dropped and created again where only views, functions and the like, which the plan
    /// makes again around it, and indexes need it. Not where a table does (a column of its
    /// type, a default or a check calling it, which the catalog's dependencies give per
    /// table), nor another extension: their `ALTER EXTENSION … UPDATE TO` fails with the
    /// server's own words.
    private func remakeable(_ id: ObjectID) -> Bool {
        guard options.extensionsRemade.contains(id.name) else { return false }
        // As `DependencyQuery` names them (a domain, a base type: "type"); another extension
        // that requires it (earthdistance, cube) would have to go too.
        let keeping: Set<String> = ["table", "foreign table", "type", "composite type", "sequence", "extension"]
        // quote_ident's: bare where the name needs no quotes.
        let names = [id.name, SQLQuoting.identifier(id.name)]
        return !old.dependencies.contains { edge in
            edge.referenced.type == "extension" && names.contains(edge.referenced.identity) && keeping.contains(edge.dependent.type)
        }
    }

    /// Whether PostgreSQL cannot make `change` in place.
    private func needsRebuild(_ change: SchemaChange) -> Bool {
        let names = Set(change.properties.map(\.name))
        switch change.id.kind {
        case .table: return !names.isDisjoint(with: ["kind", "partition key"])
        // A materialized view's column settings: made again with them (a column's storage has no
        // way back to its type's default before 16).
        case .view, .materializedView:
            // A view whose old columns stay (names, types, collations; new ones after them) is
            // replaced in place (`CREATE OR REPLACE VIEW`): the views over it, its triggers,
            // grants and column defaults stay where they are, not made again with it. Its options
            // are set in place (`ALTER VIEW … SET (…)`).
            if !names.isDisjoint(with: ["access method", "column settings"]) { return true }
            guard names.contains("definition") else { return false }
            guard case let .view(old)? = change.old, case let .view(new)? = change.new else { return true }
            return !ViewDDL.replaceable(old, by: new)
        case .function, .procedure: return !names.isDisjoint(with: ["arguments", "result"])
        case .domain: return !names.isDisjoint(with: ["base type", "collation"])
        case .extension: return names.contains("version") && remakeable(change.id)
        case .schema, .enum, .sequence: return false
        case .compositeType:
            // ADD ATTRIBUTE appends: attributes that stay must keep their order, and new ones come last
            // (unit's unit_accum_t swapped two; powa moved one). Else made again, with what uses it.
            guard case let .compositeType(old)? = change.old, case let .compositeType(new)? = change.new else { return false }
            let kept = old.attributes.map(\.name).filter { name in new.attributes.contains { $0.name == name } }
            return Array(new.attributes.prefix(kept.count).map(\.name)) != kept
        case .textSearchConfiguration, .textSearchDictionary, .operator, .baseType, .publication, .foreignDataWrapper, .foreignServer,
             .eventTrigger, .language, .foreignTable:
            guard names.contains("definition"), case let .defined(old)? = change.old, case let .defined(new)? = change.new else { return false }
            return DefinedObjectDDL.alter(old, new) == nil
        default: return !names.isDisjoint(with: ["definition"])
        }
    }

    /// A child's check whose only change is whether it is both declared and inherited, where
    /// that follows without dropping it: an inherited one the child now declares too (ADD
    /// CONSTRAINT on the child merges them, `DDLWriter.alterMember`), or one whose parent gains or
    /// loses the check (the parent's ADD or DROP reaches the child). An inherited one the child no
    /// longer declares has no statement (the server refuses to drop an inherited constraint on
    /// the child): it is made again, and the server's refusal shows.
    private static func localnessFollows(_ change: SchemaChange, before: ModelIndex, after: ModelIndex) -> Bool {
        guard case .constraint? = change.old, case let .constraint(new)? = change.new, let table = change.id.parent,
              Set(change.properties.map(\.name)).isSubset(of: ["comment", "inherited and declared locally"]) else { return false }
        let name = ModelIndex.name(table)
        return new.inheritedAndLocal == true || !DDLWriter.inheritsCheck(named: new.name, table: name, in: after)
    }

    /// A key, unique constraint or index whose definitions differ in their storage parameters
    /// alone (`WITH (fillfactor=…)`), beside a comment: changed in place (`IndexStorage`).
    private static func onlyStorageParameters(_ change: SchemaChange) -> Bool {
        guard Set(change.properties.map(\.name)).isSubset(of: ["definition", "comment", "index comment", "statistics"]) else { return false }
        switch (change.old, change.new) {
        case let (.constraint(old)?, .constraint(new)?):
            return (old.kind == .primaryKey || old.kind == .unique) && old.kind == new.kind
                && IndexStorage.onlyParametersDiffer(old.definition, new.definition)
        case let (.index(old)?, .index(new)?):
            return IndexStorage.onlyParametersDiffer(old.definition, new.definition)
        default:
            return false
        }
    }

    /// A partition's index or key that is no longer attached only because its table leaves its
    /// parent (with its comments): `DETACH PARTITION` detaches it, and it stays, as the table's
    /// own; made again, it would be built again on a table that may hold rows. Where the table
    /// joins another parent, `ATTACH PARTITION` attaches it to the new parent's that it matches
    /// (the plan's `ALTER INDEX … ATTACH PARTITION` after finds it there). Not where the old
    /// parent's index changes at all: one dropped takes those attached to it with it.
    static func detachedWithItsTable(_ change: SchemaChange, before: ModelIndex, after: ModelIndex) -> Bool {
        guard let table = change.id.parent, let old = before.tables[ModelIndex.name(table)], let new = after.tables[ModelIndex.name(table)],
              let parentTable = old.partitionOf, new.partitionOf != parentTable, after.tables[parentTable] != nil else { return false }
        let names = Set(change.properties.map(\.name))
        let parent: String?
        switch (change.old, change.new) {
        case let (.index(was)?, .index(now)?):
            guard names.isSubset(of: ["comment", "attached to", "statistics"]), now.attachedTo == nil || new.partitionOf != nil else { return false }
            parent = was.attachedTo
        case let (.constraint(was)?, .constraint(now)?):
            guard names.isSubset(of: ["comment", "index comment", "attached to"]), now.attachedTo == nil || new.partitionOf != nil else { return false }
            parent = was.attachedTo
        default: return false
        }
        guard let parent else { return false }
        return [ObjectKind.index, .constraint].contains { kind in
            let id = ObjectID(kind, parent, on: ObjectID(.table, parentTable))
            return before.member(id) != nil && before.member(id) == after.member(id)
        }
    }

    /// A constraint whose only change is that it was validated (`NOT VALID` gone).
    /// A partition's key attached to its parent's where it was not attached (a key cannot be
    /// detached), with its comments; or a partitioned table's key made valid by that attachment.
    private static func onlyAttached(_ change: SchemaChange) -> Bool {
        guard case let .constraint(old)? = change.old, case let .constraint(new)? = change.new else { return false }
        let names = Set(change.properties.map(\.name))
        return names.isSubset(of: ["comment", "index comment", "attached to", "incomplete"])
            && (!names.contains("attached to") || old.attachedTo == nil)
            && (!names.contains("incomplete") || old.incomplete == true && new.incomplete == nil)
    }

    private static func onlyValidated(_ change: SchemaChange) -> Bool {
        guard case let .constraint(old)? = change.old, case let .constraint(new)? = change.new else { return false }
        return !old.validated && new.validated && old.definition == new.definition + " NOT VALID"
    }

    /// Checks of a table the plan creates (a parent renamed, or made again) that children, tables
    /// that stay, hold inherited only, where the children join it in this plan and leave every
    /// parent they had. `INHERIT` asks a child for each of its new parent's checks and merges the
    /// child's own with it, declared locally for good (nothing clears `conislocal`): so the child's
    /// copies, its own once it left its old parent, are dropped, and the new parent's checks are
    /// added after the children joined, reaching them as inherited copies. (Random histories: an
    /// inheritance parent renamed.)
    static func checksAfterChildrenJoin(created: Set<ObjectID>, before: ModelIndex, after: ModelIndex) -> Set<ObjectID> {
        var checks: Set<ObjectID> = []
        for id in created where id.kind == .table {
            guard case let .table(parent)? = after.object(id) else { continue }
            for child in after.children(of: parent.name) {
                let childID = ObjectID(.table, child.name)
                guard child.inherits == [parent.name], !created.contains(childID), let old = before.tables[child.name],
                      old.partitionOf == nil, !old.inherits.contains(where: child.inherits.contains) else { continue }
                for check in parent.constraints where check.kind == .check
                    && child.constraint(check.name).map({ $0.kind == .check && $0.inheritedAndLocal != true }) == true {
                    checks.insert(ObjectID(.constraint, check.name, on: id))
                }
            }
        }
        return checks
    }

    /// What the plan says of a publication that lets go of `tables` (`Work.publicationTablesAside`):
    /// whether it takes them back, as the target names them. (Run outside a transaction, a plan
    /// does not publish the rows written to them in between.)
    private static func letGoNote(_ id: ObjectID, tables: [QualifiedName], after: ModelIndex) -> String {
        var kept: Set<QualifiedName> = []
        if case let .defined(publication)? = after.object(id) { kept = Set(publication.publishedTables.map(\.table)) }
        let them = tables.count == 1 ? "it" : "them"
        return "\(id) lets go of \(tables.map(\.sql).joined(separator: ", ")) while the plan changes \(them)"
            + (tables.allSatisfy(kept.contains) ? ", and takes \(them) back after" : "")
    }

    /// `Work.publicationTablesAside`: for each publication that stays (neither added, removed nor
    /// made again), the tables it names that the plan makes again or unlogged (the server
    /// refuses that to a published table), or that hold a column its
    /// column list or row filter names (by name, an inherited one too: `ALTER TABLE` recurses
    /// into partitions and children) which the plan drops, drops and adds again, or retypes.
    /// A table that goes leaves the publication with its drop.
    private func addPublicationTablesAside(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        // Its own columns and those it inherits (by name): dropped, retyped, or dropped and added again.
        let changed = work.changedColumns.merging(work.readdedColumns) { $0.union($1) }
        func columns(of table: QualifiedName) -> Set<String> {
            ([table] + before.ancestors(of: table)).reduce(into: Set<String>()) { columns, name in
                columns.formUnion(changed[ObjectID(.table, name)] ?? [])
            }
        }
        for publication in before.model.definedObjects where publication.kind == .publication {
            let id = publication.id
            guard after.object(id) != nil, !work.removedTop.contains(id), !work.addedTop.contains(id), !work.rebuilt.contains(id) else { continue }
            let aside = publication.publishedTables.filter { published in
                let table = ObjectID(.table, published.table)
                guard !work.removedTop.contains(table) else { return false }
                return work.rebuilt.contains(table) || after.tables[published.table]?.unlogged == true && before.tables[published.table]?.unlogged == false
                    || published.filtered && columns(of: published.table).contains { Self.mentions(published.filter, $0) }
            }.map(\.table)
            if !aside.isEmpty { work.publicationTablesAside[id] = aside }
        }
    }

    /// `Work.defaultsEmptied`: for each default partition that stays one (a plain table, under
    /// a parent that stays and that no foreign key references), the partitions its parent
    /// gains: made, attached from elsewhere, or attached again under other bounds. And
    /// `Work.narrowed`: the partitions attached again under other bounds, under such a parent.
    private func addDefaultsEmptied(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        let (removed, rebuilt, reattached, added) = (work.removedTop, work.rebuilt, work.reattached, work.addedTop)
        let stays = { (id: ObjectID) in !removed.contains(id) && !rebuilt.contains(id) && !reattached.contains(id) }
        // The server refuses to detach a partition holding a row a foreign key references: under
        // a referenced tree the default stays, as before (its rows in the new bounds, if any, are
        // still refused, but a plan that holds without moving any keeps holding).
        // Read once, and only where a partition may move rows: planning 5,000 plain tables asks nothing.
        lazy var referenced = Set(before.model.tables.flatMap { $0.constraints.compactMap(\.foreignKey?.referencedTable) })
        let movable = { (table: QualifiedName, parent: QualifiedName) in
            stays(ObjectID(.table, table)) && stays(ObjectID(.table, parent))
                && !([table, parent] + before.ancestors(of: parent)).contains(where: referenced.contains)
        }
        for table in before.model.tables where table.partitionBound == "DEFAULT" && table.kind != .partitioned {
            guard let parent = table.partitionOf, let now = after.tables[table.name], now.partitionOf == parent,
                  now.partitionBound == "DEFAULT", now.kind != .partitioned, movable(table.name, parent) else { continue }
            let joining = after.partitions(of: parent).filter { partition in
                let id = ObjectID(.table, partition.name)
                guard partition.name != table.name else { return false }
                if added.contains(id) || rebuilt.contains(id) || reattached.contains(id) { return true }
                guard let was = before.tables[partition.name] else { return false }
                return was.partitionOf != parent || was.partitionBound != partition.partitionBound
            }.map(\.name).sorted()
            if !joining.isEmpty { work.defaultsEmptied[table.name] = joining }
        }
        for table in after.model.tables {
            guard let parent = table.partitionOf, let bound = table.partitionBound, bound != "DEFAULT", let was = before.tables[table.name],
                  was.partitionOf == parent, let previous = was.partitionBound, previous != "DEFAULT", previous != bound,
                  movable(table.name, parent) else { continue }
            work.narrowed.insert(table.name)
        }
    }

    /// A child the plan creates (not a partition: `TableDDL.attachesLater`) that holds a check of
    /// a parent that stays inherited only and `NOT VALID` (it was there when the parent's came,
    /// or the parent's was made again since): made by `INHERITS` its copy would be valid, and
    /// nothing on the child makes it `NOT VALID` (the server refuses to drop an inherited check).
    /// The parent's check is dropped and added again after the child: `ADD CONSTRAINT … NOT VALID`
    /// reaches every child `NOT VALID`, and the copies the target holds valid are validated
    /// (`DDLWriter.validatingCopies`); a child's own copy is its own until the parent's merges
    /// with it again. (Random histories: a child dropped, and the reverse plan.)
    private func addParentChecksMadeAgain(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        let created = work.addedTop.union(work.rebuilt)
        for id in created where id.kind == .table {
            guard case let .table(child)? = after.object(id), child.partitionOf == nil, !child.inherits.isEmpty else { continue }
            for check in child.constraints where check.kind == .check && !check.validated && check.inheritedAndLocal != true {
                for parent in child.inherits {
                    let parentID = ObjectID(.table, parent)
                    let member = ObjectID(.constraint, check.name, on: parentID)
                    guard !created.contains(parentID), !work.removedTop.contains(parentID),
                          after.tables[parent]?.constraint(check.name).map({ $0.kind == .check && !$0.validated }) == true,
                          before.member(member) != nil, work.removedMembers[member] == nil else { continue }
                    work.rebuiltMembers.insert(member)
                    work.changedMembers[member] = nil
                }
            }
        }
    }

    /// A check a child only inherits that becomes `NOT VALID`: nothing makes that on the child
    /// (the server refuses to drop an inherited constraint), but its parent's `NOT VALID` check
    /// made again, as `ALTER COLUMN … TYPE` on the parent makes it, makes the copies of it again
    /// `NOT VALID` too (random histories: a parent's column retyped under a child made after its
    /// check). Where nothing on the parent does, the proof says so.
    private static func invalidatedWithItsParent(_ change: SchemaChange, after: ModelIndex) -> Bool {
        guard case let .constraint(old)? = change.old, case let .constraint(new)? = change.new, let table = change.id.parent,
              new.kind == .check, old.validated, !new.validated, new.definition == old.definition + " NOT VALID",
              new.inheritedAndLocal != true, Set(change.properties.map(\.name)).isSubset(of: ["definition", "comment"]),
              let child = after.tables[ModelIndex.name(table)] else { return false }
        return child.inherits.contains { parent in
            after.tables[parent]?.constraint(new.name).map { $0.kind == .check && !$0.validated } == true
        }
    }

    static func isSubsequence(_ small: [String], of large: [String]) -> Bool {
        var index = large.startIndex
        for label in small {
            guard let found = large[index...].firstIndex(of: label) else { return false }
            index = large.index(after: found)
        }
        return true
    }

    /// Adds the types rebuilt under their columns (renamed aside, created anew, the columns
    /// moved over): domains and composite types beside the enums the diff rebuilds, and
    /// collations; their columns count as retyped from here on (generated columns over them
    /// are added again, views over them rebuilt).
    private func addTypeRebuilds(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        // Domains a column uses whose base type changes, or whose base enum is rebuilt: rebuilt beside their columns.
        for domain in before.model.domains {
            let id = ObjectID(.domain, domain.name)
            guard let newDomain = after.model.domains.first(where: { $0.name == domain.name }) else { continue }
            let overRebuiltEnum = work.enumRebuilds.contains { Self.uses(domain.baseType, ModelIndex.name($0)) }
            guard domain.baseType != newDomain.baseType || domain.collation != newDomain.collation || overRebuiltEnum else { continue }
            work.changedTop[id] = nil
            if before.model.tables.contains(where: { $0.columns.contains { Self.uses($0.type, domain.name) } })
                || before.model.compositeTypes.contains(where: { $0.attributes.contains { Self.uses($0.type, domain.name) } }) {
                work.domainRebuilds.insert(id)
                work.rebuilt.remove(id)
            } else {
                // No column holds it: dropped and created again, over the new enum.
                work.rebuilt.insert(id)
            }
        }
        // A composite type whose attributes change order under columns (PoWA's history record
        // type): it cannot be dropped and made again under them, so it is rebuilt like one whose
        // attribute changes type, the values moved by attribute name. A typed table must keep its
        // type's column order, which no ALTER TABLE reorders: such a type stays made again, and
        // the server's refusal names its table.
        for id in work.rebuilt where id.kind == .compositeType {
            let name = ModelIndex.name(id)
            guard !before.model.tables.contains(where: { $0.ofType == name }),
                  before.model.tables.contains(where: { $0.columns.contains { Self.uses($0.type, name) } }) else { continue }
            work.rebuilt.remove(id)
            work.compositeRebuilds.insert(id)
        }
        for (id, change) in work.changedTop where id.kind == .compositeType {
            guard case let .compositeType(old)? = change.old, case let .compositeType(new)? = change.new else { continue }
            let retyped = old.attributes.contains { attribute in
                new.attributes.contains { $0.name == attribute.name && ($0.type != attribute.type || $0.collation != attribute.collation) }
            }
            guard retyped, before.model.tables.contains(where: { $0.ofType == nil && $0.columns.contains { Self.uses($0.type, old.name) } })
            else { continue }
            work.compositeRebuilds.insert(id)
        }
        // Composite types with an attribute of a rebuilt enum, domain or composite type: the old
        // type cannot be dropped while an attribute holds it. Rebuilt like the type they hold
        // where a column or a typed table uses them, else dropped and created again.
        var holders = work.typeRebuilds
        while true {
            let held = holders.map(ModelIndex.name)
            let found = before.model.compositeTypes.filter { type in
                !holders.contains(ObjectID(.compositeType, type.name)) && !work.rebuilt.contains(ObjectID(.compositeType, type.name))
                    && after.object(ObjectID(.compositeType, type.name)) != nil
                    && type.attributes.contains { attribute in held.contains { Self.uses(attribute.type, $0) } }
            }
            guard !found.isEmpty else { break }
            for type in found {
                let id = ObjectID(.compositeType, type.name)
                holders.insert(id)
                if before.model.tables.contains(where: { $0.ofType == type.name || $0.columns.contains { Self.uses($0.type, type.name) } }) {
                    work.compositeRebuilds.insert(id)
                } else {
                    work.rebuilt.insert(id)
                    work.changedTop[id] = nil
                }
            }
        }
        for id in work.compositeRebuilds { work.changedTop[id] = nil }
        // Types replaced by another kind of type of the same name, under columns that keep the name.
        let typeKinds: Set<ObjectKind> = [.table, .compositeType, .enum, .domain, .rangeType]
        let addedTypes = Dictionary(work.addedTop.filter { typeKinds.contains($0.kind) }.map { (ModelIndex.name($0), $0) }, uniquingKeysWith: { first, _ in first })
        for id in work.removedTop.sorted() where typeKinds.contains(id.kind) {
            let name = ModelIndex.name(id)
            guard let replacement = addedTypes[name], replacement.kind != id.kind else { continue }
            let holders = before.model.tables.filter { table in
                table.name != name && table.columns.contains { Self.uses($0.type, name) }
            }
            let kept = holders.allSatisfy { table in
                guard let now = after.tables[table.name], !work.removedTop.contains(ObjectID(.table, table.name)) else { return false }
                return table.columns.filter { Self.uses($0.type, name) }.allSatisfy { column in
                    now.column(column.name).map { Self.uses($0.type, name) && $0.type == column.type } ?? false
                }
            }
            // Held by no column: it goes with the drops, before the new one takes its name (left
            // with the late drops, it still held the name when the new one was made).
            if holders.isEmpty {
                work.earlyDrops.insert(id)
                continue
            }
            guard kept else { continue }
            work.replacedTypes[replacement] = id
            work.earlyDrops.insert(id)
            retypeColumns(holding: [name], in: holders, rebuilding: [.check, .exclusion], work: &work, after: after)
        }
        // Range types whose definition changes where a column holds them or their multirange.
        for id in work.rebuilt where id.kind == .rangeType {
            let types = DDLWriter.rangeTypes(id, in: before)
            guard before.model.tables.contains(where: { $0.columns.contains { column in types.contains { Self.uses(column.type, $0) } } })
            else { continue }
            work.rangeRebuilds.insert(id)
        }
        // Collations that change under columns: their columns are affected like a type change,
        // and the indexes that name the collation are rebuilt.
        for id in work.rebuilt where id.kind == .collation {
            let name = ModelIndex.name(id)
            let users = before.model.tables.filter { $0.columns.contains { $0.collation.map { Self.uses($0, name) } == true } }
            guard !users.isEmpty else { continue }
            work.rebuilt.remove(id)
            work.collationRebuilds.insert(id)
            for table in users {
                let tableID = ObjectID(.table, table.name)
                work.affectedTables.insert(tableID)
                work.retypedColumns[tableID, default: []].formUnion(table.columns.filter { $0.collation.map { Self.uses($0, name) } == true }.map(\.name))
            }
            for table in before.model.tables where !work.removedTop.contains(ObjectID(.table, table.name)) {
                rebuildMembers(of: table, naming: { Self.mentions($0, name.name) }, constraints: { _ in false }, in: &work, after: after)
            }
        }
        // Columns of a rebuilt enum, domain, composite or range type (or its multirange): their tables
        // are affected like a type change, and the checks and indexes that name them are rebuilt (their
        // constants are of the old type).
        for id in work.typeRebuilds {
            // A range's columns pass through text, which no exclusion operator takes.
            retypeColumns(holding: DDLWriter.rangeTypes(id, in: before), in: before.model.tables,
                          rebuilding: work.rangeRebuilds.contains(id) ? [.check, .exclusion] : [.check], work: &work, after: after)
        }
    }

    /// Tables whose row type a column of another table holds, rewritten by the plan
    /// (`Work.rowTypeParks`); the holders' columns count as retyped, so what reads them is made
    /// again around their parking, and a holder parked is rewritten in turn (a table's row type
    /// held by a table whose row type is held).
    private func addRowTypeParks(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        // Every column type spelled once: most schemas hold no row type, and the test per table
        // is then a few set lookups rather than a pass over every column.
        let heldTypes = Set(before.model.tables.flatMap { $0.columns.map { $0.type.hasSuffix("[]") ? String($0.type.dropLast(2)) : $0.type } })
        // The composite types and domains over each type (a type's holders inside other types).
        var wrappers: [(name: QualifiedName, inner: [String])] = before.model.compositeTypes.map { ($0.name, $0.attributes.map(\.type)) }
        wrappers += before.model.domains.map { ($0.name, [$0.baseType]) }
        let rewrittenByColumns = Set(work.addedMembers.compactMap { id, change -> ObjectID? in
            guard id.kind == .column, case let .column(column)? = change.new,
                  column.defaultExpression != nil || column.identity != nil || column.generatedExpression != nil else { return nil }
            return id.parent
        })
        var pending = Set(work.retypedColumns.filter { !$0.value.isEmpty }.keys).union(rewrittenByColumns).union(work.rebuilt)
            .union(work.changedTop.compactMap { id, change in
                id.kind == .table && change.properties.contains { $0.name == "unlogged" || $0.name == "access method" } ? id : nil
            })
        while let id = pending.popFirst() {
            guard id.kind == .table, work.rowTypeParks[id] == nil, !work.removedTop.contains(id), !work.addedTop.contains(id) else { continue }
            var types = [ModelIndex.name(id)]
            var grown = true
            while grown {
                grown = false
                for wrapper in wrappers where !types.contains(wrapper.name)
                    && wrapper.inner.contains(where: { inner in types.contains { Self.uses(inner, $0) } }) {
                    types.append(wrapper.name)
                    grown = true
                }
            }
            guard types.contains(where: { type in Self.spellings(of: type).contains { heldTypes.contains($0) } }) else { continue }
            let holders = before.model.tables.filter { table in
                let tableID = ObjectID(.table, table.name)
                guard tableID != id, !work.removedTop.contains(tableID), !work.rebuilt.contains(tableID),
                      let now = after.tables[table.name] else { return false }
                return table.columns.contains { column in
                    types.contains { Self.uses(column.type, $0) } && now.column(column.name)?.type == column.type
                }
            }
            guard !holders.isEmpty else { continue }
            work.rowTypeParks[id] = types
            retypeColumns(holding: types, in: holders, rebuilding: [.check, .exclusion], work: &work, after: after)
            pending.formUnion(holders.map { ObjectID(.table, $0.name) })
        }
    }

    /// The columns of `tables` that hold one of `types` count as retyped (their tables affected
    /// like a type change), and the indexes and the constraints of `kinds` that name them are
    /// rebuilt, on the tables that stay.
    private func retypeColumns(holding types: [QualifiedName], in tables: [Table], rebuilding kinds: Set<Constraint.Kind>,
                               work: inout Work, after: ModelIndex) {
        for table in tables {
            let tableID = ObjectID(.table, table.name)
            let columns = table.columns.filter { column in types.contains { Self.uses(column.type, $0) } }.map(\.name)
            guard !columns.isEmpty else { continue }
            work.affectedTables.insert(tableID)
            work.retypedColumns[tableID, default: []].formUnion(columns)
            guard !work.removedTop.contains(tableID), !work.rebuilt.contains(tableID) else { continue }
            let names = { (text: String) in columns.contains { Self.mentions(text, $0) } }
            rebuildMembers(of: table, naming: names, constraints: { kinds.contains($0.kind) && names($0.definition) }, in: &work, after: after)
        }
    }

    /// Adds what must be dropped and created around the changes: the old model's
    /// dependents of every dropped, rebuilt or affected object, transitively.
    private func addDependents(to work: inout Work, before: ModelIndex, after: ModelIndex,
                               edges: [(dependent: ObjectID, referenced: ObjectID)]) {
        var dependents: [ObjectID: [ObjectID]] = [:]
        for (dependent, referenced) in edges {
            dependents[referenced.parent ?? referenced, default: []].append(dependent)
        }
        // A partitioned table whose key reads a column that changes type: the server cannot
        // change it under the key ("cannot alter column … part of the partition key"), so the
        // table is created again and its partitions, their columns changed, attached to it.
        for (table, columns) in work.retypedColumns where !work.removedTop.contains(table) && !work.rebuilt.contains(table) {
            guard case let .table(old)? = before.object(table), let key = old.partitionKey,
                  columns.contains(where: { Self.mentions(key, $0) }) else { continue }
            work.rebuilt.insert(table)
            work.changedTop[table] = nil
        }
        for table in before.model.tables {
            guard let parent = table.partitionOf, work.rebuilt.contains(ObjectID(.table, parent)) else { continue }
            let id = ObjectID(.table, table.name)
            guard !work.removedTop.contains(id), !work.rebuilt.contains(id), let new = after.tables[table.name], new.partitionOf == parent
            else { continue }
            work.reattached.insert(id)
            if work.changedTop[id] == nil {
                work.changedTop[id] = SchemaChange(change: .changed, id: id, old: .table(table), new: .table(new), properties: [])
            }
        }
        // A function with a SQL-standard body that names a column of `table` whose type changes or
        // that goes: its pg_depend edge is lifted to the table, like a view's.
        let changedColumns = work.changedColumns
        func readsChangedColumn(_ function: ObjectID, of table: ObjectID) -> Bool {
            guard function.kind == .function || function.kind == .procedure, case let .function(old)? = before.object(function),
                  old.hasStandardBody else { return false }
            return (changedColumns[table] ?? []).contains { Self.mentions(old.body, $0) }
        }
        var queue = Array(work.removedTop) + Array(work.rebuilt) + Array(work.enumRebuilds) + Array(work.domainRebuilds)
            + Array(work.compositeRebuilds) + Array(work.affectedTables)
        var seen = Set(queue)
        let readers: Set<ObjectKind> = [.view, .materializedView, .rule]
        while let seed = queue.popLast() {
            let affectedOnly = work.affectedTables.contains(seed) && !work.removedTop.contains(seed) && !work.rebuilt.contains(seed)
            for dependent in dependents[seed] ?? [] {
                let top = dependent.parent ?? dependent
                // An index over an extension made again (an operator class of its own, a function
                // in its expression), or built by an operator class, family or operator made
                // again (named, or its column type's default class), goes before it and is built
                // again after; so does the key or exclusion constraint it is.
                let builtBy = (dependent.kind == .index || dependent.kind == .constraint)
                    && [.extension, .operatorClass, .operatorFamily, .operator].contains(seed.kind)
                if dependent.kind == .trigger || dependent.kind == .policy || builtBy {
                    // On a table that stays: dropped and created again around the change.
                    if !work.removedTop.contains(top), !work.rebuilt.contains(top), after.member(dependent) != nil {
                        work.rebuiltMembers.insert(dependent)
                    }
                    continue
                }
                guard dependent.parent == nil || dependent.kind == .rule else { continue }
                // A foreign partition or inheritance child of a table whose column changes type:
                // the change reaches it, and the server refuses its `USING` there ("… is not a
                // table"). Made again around the change, it loses nothing: it holds no rows.
                let foreignMember = dependent.kind == .foreignTable && seed.kind == .table && work.retypedColumns[seed]?.isEmpty == false
                if affectedOnly && !readers.contains(dependent.kind) && !readsChangedColumn(dependent, of: seed) && !foreignMember { continue }
                if work.removedTop.contains(dependent) || work.addedTop.contains(dependent) { continue }
                guard after.object(dependent) != nil, !dependent.kind.isMember || dependent.kind == .rule else { continue }
                // Changed in place off a function that goes: unlinked from it first, not made again.
                if work.removedTop.contains(seed), !work.rebuilt.contains(dependent), let change = work.changedTop[dependent],
                   case let .defined(old)? = change.old, case let .defined(new)? = change.new,
                   !DefinedObjectDDL.unlink(old, new).isEmpty, DefinedObjectDDL.alter(old, new) != nil {
                    work.unlinkedEarly.insert(dependent)
                    continue
                }
                if dependent.kind == .table || dependent.kind == .sequence || dependent.kind == .enum || dependent.kind == .domain
                    || dependent.kind == .compositeType || dependent.kind == .schema || dependent.kind == .extension { continue }
                work.rebuilt.insert(dependent)
                work.changedTop[dependent] = nil
                if affectedOnly && !readers.contains(dependent.kind)
                    || readers.contains(seed.kind) && (dependent.kind == .function || dependent.kind == .procedure) {
                    work.earlyReaders.insert(dependent)
                }
                if seen.insert(dependent).inserted { queue.append(dependent) }
            }
        }
        // A removed function that needs a table that goes (its body reads it, it takes its row
        // type), or reads a column that goes: the server refuses their drop while it exists.
        for (dependent, referenced) in edges where work.removedTop.contains(dependent)
            && (dependent.kind == .function || dependent.kind == .procedure) {
            let table = referenced.parent ?? referenced
            let goes = work.removedTop.contains(table) || work.rebuilt.contains(table)
            if goes && [.table, .view, .materializedView].contains(table.kind) || readsChangedColumn(dependent, of: table) {
                work.earlyReaders.insert(dependent)
            }
        }
        // A rebuilt or removed function whose body calls one dropped early is dropped before it.
        var calling = work.earlyReaders
        while !calling.isEmpty {
            calling = Set(edges.filter { calling.contains($0.referenced) && (work.rebuilt.contains($0.dependent) || work.removedTop.contains($0.dependent))
                && ($0.dependent.kind == .function || $0.dependent.kind == .procedure) }.map(\.dependent)).subtracting(work.earlyReaders)
            work.earlyReaders.formUnion(calling)
        }
        // Rules on a relation created again: dropped with it, created again after it. Their tie
        // to it is internal to pg_depend, which the model's edges leave out.
        let recreated = Set(work.rebuilt.filter { [.table, .view, .materializedView].contains($0.kind) }.map(ModelIndex.name))
        for rule in before.model.definedObjects where rule.kind == .rule {
            guard let table = rule.table, recreated.contains(table), after.object(rule.id) != nil else { continue }
            work.rebuilt.insert(rule.id)
            work.changedTop[rule.id] = nil
        }
        // Triggers and policies of an affected table that name a column whose type changes.
        for (table, columns) in work.retypedColumns {
            guard case let .table(oldTable)? = before.object(table) else { continue }
            for trigger in oldTable.triggers where columns.contains(where: { Self.mentions(trigger.definition, $0) }) {
                let id = ObjectID(.trigger, trigger.name, on: table)
                if after.member(id) != nil { work.rebuiltMembers.insert(id) }
            }
            for policy in oldTable.policies
            where columns.contains(where: { Self.mentions((policy.using ?? "") + " " + (policy.withCheck ?? ""), $0) }) {
                let id = ObjectID(.policy, policy.name, on: table)
                if after.member(id) != nil { work.rebuiltMembers.insert(id) }
            }
        }
        // Rules that name a column whose type changes, on its table or another, found by their
        // text: the loop above finds them by their edges (to the tables they read), but a snapshot
        // taken before rules were ends of their own (read revision 11) has a rule's edges lifted
        // to the table it is on.
        let retypedByName = Dictionary(work.retypedColumns.map { (ModelIndex.name($0.key).name, $0.value) }, uniquingKeysWith: { $0.union($1) })
        for rule in before.model.definedObjects where rule.kind == .rule {
            let id = rule.id
            guard after.object(id) != nil, !work.removedTop.contains(id), !work.addedTop.contains(id), !work.rebuilt.contains(id),
                  retypedByName.contains(where: { table, columns in
                      Self.mentions(rule.definition, table) && columns.contains { Self.mentions(rule.definition, $0) } })
            else { continue }
            work.rebuilt.insert(id)
            work.changedTop[id] = nil
        }
        // Foreign keys over a key that is dropped or rebuilt go and come back with it.
        let droppedKeys = (Array(work.rebuiltMembers) + Array(work.removedMembers.keys)).compactMap { id -> (QualifiedName, Set<String>)? in
            guard id.kind == .constraint, let table = id.parent, case let .constraint(key)? = before.member(id),
                  key.kind == .primaryKey || key.kind == .unique else { return nil }
            return (ModelIndex.name(table), Set(key.columns))
        }
        // And foreign keys whose columns, on either side, move to a type of another family (an
        // integer key that becomes a uuid): the server refuses the first side's change while the
        // key ties it to the other. Within a family (integer to bigint) it carries the key over.
        // A column of a rebuilt enum, domain or composite type moves to a new type of the same
        // name, one side of the key before the other: the same.
        let rebuiltTypes = work.typeRebuilds.map(ModelIndex.name)
        func movesFamily(_ table: QualifiedName, _ columns: [String]) -> Bool {
            guard let retyped = work.retypedColumns[ObjectID(.table, table)] else { return false }
            return columns.contains { name in
                guard retyped.contains(name), let was = before.tables[table]?.column(name)?.type,
                      let now = after.tables[table]?.column(name)?.type else { return false }
                return was != now ? CastRoute.family(was) != CastRoute.family(now) : rebuiltTypes.contains { Self.uses(was, $0) }
            }
        }
        // And foreign keys between tables one of which becomes unlogged or logged: the server
        // refuses a key between a logged and an unlogged table, whichever side changes first.
        func changesPersistence(_ table: QualifiedName) -> Bool {
            guard let was = before.tables[table], let now = after.tables[table] else { return false }
            return was.unlogged != now.unlogged
        }
        // And foreign keys of a table that stays to one made again (a table that becomes
        // partitioned): the server refuses its drop while they reference it.
        func remadeUnder(_ table: QualifiedName, _ referenced: QualifiedName) -> Bool {
            referenced != table && work.rebuilt.contains(ObjectID(.table, referenced)) && !work.rebuilt.contains(ObjectID(.table, table))
        }
        for table in before.model.tables {
            for constraint in table.constraints {
                guard let key = constraint.foreignKey,
                      droppedKeys.contains(where: { $0.0 == key.referencedTable && $0.1 == Set(key.referencedColumns) })
                        || remadeUnder(table.name, key.referencedTable)
                        || movesFamily(table.name, constraint.columns) || movesFamily(key.referencedTable, key.referencedColumns)
                        || (key.referencedTable != table.name && (changesPersistence(table.name) || changesPersistence(key.referencedTable)))
                else { continue }
                let id = ObjectID(.constraint, constraint.name, on: ObjectID(.table, table.name))
                if after.member(id) != nil, !work.removedTop.contains(ObjectID(.table, table.name)) { work.rebuiltMembers.insert(id) }
            }
        }
    }

    /// What calls a function that is dropped before the creations (rebuilt, or removed where an
    /// added one of its name may take its signature): the server refuses the drop while a default,
    /// check, index or generated column calls it, and the pg_depend edges lift those to their
    /// table. Found by the name called in their text; one found too many is only rebuilt.
    private func addFunctionUsers(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        let added = Set(work.addedTop.filter { $0.kind == .function || $0.kind == .procedure }.map { QualifiedName(schema: $0.schema ?? "", name: $0.name) })
        for id in work.removedTop where (id.kind == .function || id.kind == .procedure)
            && added.contains(QualifiedName(schema: id.schema ?? "", name: id.name)) {
            work.earlyDrops.insert(id)
        }
        let names = Set(work.rebuilt.union(work.earlyDrops).filter { $0.kind == .function || $0.kind == .procedure }.map(\.name))
        guard !names.isEmpty else { return }
        let calls = { (text: String) in Self.callsAny(text, names) }
        for domain in before.model.domains where after.object(ObjectID(.domain, domain.name)) != nil {
            let checks = domain.checks.filter { calls($0.definition) }.map(\.name)
            if !checks.isEmpty { work.domainChecksDroppedEarly[domain.name] = Set(checks) }
        }
        for table in before.model.tables {
            let tableID = ObjectID(.table, table.name)
            guard !work.removedTop.contains(tableID), !work.rebuilt.contains(tableID), let newTable = after.tables[table.name] else { continue }
            for column in table.columns {
                if let expression = column.generatedExpression, calls(expression), newTable.column(column.name)?.generatedExpression != nil {
                    work.readdedColumns[tableID, default: []].insert(column.name)
                } else if let value = column.defaultExpression, calls(value), newTable.column(column.name) != nil {
                    work.defaultsDroppedEarly.insert(ObjectID(.column, column.name, on: tableID))
                }
            }
            rebuildMembers(of: table, naming: calls, constraints: { $0.kind != .foreignKey && calls($0.definition) }, in: &work, after: after)
        }
    }

    /// Identities that go, dropped early (`Work.droppedIdentities`); and a removed sequence whose
    /// name a new identity takes (a serial that becomes an identity), dropped before the identity
    /// is added, with the defaults that read it, so PostgreSQL does not name the new one `…_seq1`.
    /// A partitioned table's index or key that goes (dropped, or dropped and made again) takes the
    /// partitions' indexes and keys attached to it, at any depth: those the target still holds are
    /// made again too, even where the diff saw no change in them.
    private func addPartitionIndexesOfDroppedParents(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        let isKey = { (id: ObjectID) -> Bool in
            guard case let .constraint(constraint)? = before.member(id) else { return false }
            return constraint.hasIndex
        }
        var queue = (Array(work.removedMembers.keys) + work.rebuiltMembers).filter { $0.kind == .index || $0.kind == .constraint && isKey($0) }
        while let parent = queue.popLast() {
            guard let table = parent.parent, before.tables[ModelIndex.name(table)]?.kind == .partitioned else { continue }
            for partition in before.partitions(of: ModelIndex.name(table)) {
                let table = ObjectID(.table, partition.name)
                let attached = partition.indexes.filter { $0.attachedTo == parent.name }.map { ObjectID(.index, $0.name, on: table) }
                    + partition.constraints.filter { $0.attachedTo == parent.name }.map { ObjectID(.constraint, $0.name, on: table) }
                for id in attached {
                    guard after.member(id) != nil, work.removedMembers[id] == nil, work.rebuiltMembers.insert(id).inserted else { continue }
                    work.changedMembers[id] = nil
                    queue.append(id)
                }
            }
        }
    }

    private func addIdentityChanges(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        var freed: Set<QualifiedName> = []
        for (id, change) in work.changedMembers where id.kind == .column {
            guard case let .column(old)? = change.old, case let .column(new)? = change.new, let table = id.parent else { continue }
            if old.identity != nil && new.identity == nil {
                work.droppedIdentities.insert(id)
                // An identity that becomes a serial: its position is copied aside before `DROP
                // IDENTITY` drops its sequence, and handed to the serial's (`DDLWriter.dropIdentity`).
                if let value = new.defaultExpression, let serial = DDLWriter.sequencesDrawnFrom(value)
                    .first(where: { before.sequences[$0] == nil && after.sequences[$0] != nil }) {
                    work.serialSequencesAside[serial] = DDLWriter.freeName(of: new.name, in: ModelIndex.name(table), label: "identity_seq",
                                                                          before: before, after: after)
                }
            }
            guard let identity = new.identity, old.identity == nil else { continue }
            let name = TableDDL.identitySequence(identity, of: new.name, in: ModelIndex.name(table))
            let sequence = ObjectID(.sequence, name)
            if work.removedTop.contains(sequence) {
                work.earlyDrops.insert(sequence)
                freed.insert(name)
                // The column's own serial: its position is handed over, not lost.
                if old.defaultExpression.map({ DDLWriter.sequencesDrawnFrom($0).contains(name) }) == true {
                    work.serialSequencesAside[name] = DDLWriter.freeName(of: new.name, in: ModelIndex.name(table), label: "serial_seq",
                                                                        before: before, after: after)
                }
            }
        }
        guard !freed.isEmpty else { return }
        for table in before.model.tables {
            let tableID = ObjectID(.table, table.name)
            guard !work.removedTop.contains(tableID), !work.rebuilt.contains(tableID) else { continue }
            for column in table.columns {
                guard let value = column.defaultExpression, freed.contains(where: { Self.mentions(value, $0.name) }) else { continue }
                let id = ObjectID(.column, column.name, on: tableID)
                if work.removedMembers[id] == nil { work.defaultsDroppedEarly.insert(id) }
            }
        }
    }

    /// Rebuilds the indexes of `table` (old model) whose definition `names`, and the constraints
    /// `constraints` picks, where the new model keeps them.
    private func rebuildMembers(of table: Table, naming names: (String) -> Bool, constraints: (Constraint) -> Bool,
                                in work: inout Work, after: ModelIndex) {
        let tableID = ObjectID(.table, table.name)
        let members = table.indexes.filter { names($0.definition) }.map { ObjectID(.index, $0.name, on: tableID) }
            + table.constraints.filter(constraints).map { ObjectID(.constraint, $0.name, on: tableID) }
        for member in members where after.member(member) != nil { work.rebuiltMembers.insert(member) }
    }

    /// Whether `text` calls a function named one of `names` (the name, plain or quoted, before
    /// `(`): one pass over its bytes, each `(` looked back from for the name before it, rather
    /// than a search of the text for each name (for every index of a large schema against each
    /// function a plan replaces, too slow).
    static func callsAny(_ text: String, _ names: Set<String>) -> Bool {
        let bytes = Array(text.utf8)
        var position = 0
        while position < bytes.count {
            defer { position += 1 }
            guard bytes[position] == UInt8(ascii: "("), position > 0 else { continue }
            var end = position
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if end > 0, bytes[end - 1] == UInt8(ascii: "\"") {
                // A quoted name: back to its opening quote, doubled quotes inside.
                var start = end - 1
                while start > 0 {
                    start -= 1
                    if bytes[start] == UInt8(ascii: "\"") {
                        if start > 0, bytes[start - 1] == UInt8(ascii: "\"") { start -= 1 } else { break }
                    }
                }
                let name = String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"")
                if names.contains(name) { return true }
                continue
            }
            var start = end
            while start > 0, bytes[start - 1] >= 0x80 || bytes[start - 1] == UInt8(ascii: "_") || bytes[start - 1] == UInt8(ascii: "$")
                || (bytes[start - 1] >= UInt8(ascii: "a") && bytes[start - 1] <= UInt8(ascii: "z"))
                || (bytes[start - 1] >= UInt8(ascii: "A") && bytes[start - 1] <= UInt8(ascii: "Z"))
                || (bytes[start - 1] >= UInt8(ascii: "0") && bytes[start - 1] <= UInt8(ascii: "9")) { start -= 1 }
            if start < end, names.contains(String(decoding: bytes[start..<end], as: UTF8.self)) { return true }
        }
        return false
    }

    /// Whether a column's change is a stored generated column's new expression, and nothing the
    /// server cannot do in place with `ALTER COLUMN … SET EXPRESSION` (17+): the column stays,
    /// and so do the views, policies and indexes that read it (the server rebuilds the indexes
    /// and checks the constraints as it rewrites the table). A virtual column (18) is added again:
    /// the server refuses its new expression where the table has a check or is published.
    static func setsExpressionInPlace(_ change: SchemaChange, major: Int?) -> Bool {
        guard (major ?? 0) >= 17, case let .column(old)? = change.old, case let .column(new)? = change.new,
              old.generatedExpression != nil, new.generatedExpression != nil,
              (old.generatedStorage ?? "STORED") == "STORED", (new.generatedStorage ?? "STORED") == "STORED" else { return false }
        return !change.properties.contains { ["type", "collation"].contains($0.name) }
    }

    /// The stored generated columns whose expression is set in place (`Work.expressionsSet`).
    /// `SET EXPRESSION` recurses to the table's children, inheritance and partitions alike, and
    /// sets theirs too; so, in the new model's order (parents first), a table gets a statement
    /// of its own only where its new expression differs from the one it holds by then: its
    /// old one, or the last one an ancestor's statement gave it. A child whose own expression
    /// does not change gets it back after its parent's.
    private func addExpressionsSet(to work: inout Work, before: ModelIndex, after: ModelIndex, order: [ObjectID]) {
        let inPlace = work.changedMembers.filter { id, _ in
            work.expressionChangesInPlace.contains(id) && !(id.parent.map { work.readdedColumns[$0]?.contains(id.name) ?? false } ?? false)
        }
        guard !inPlace.isEmpty else { return }
        // Children of each table in both models, by the inheritance both models give them.
        var children: [QualifiedName: [QualifiedName]] = [:]
        for table in after.model.tables {
            guard let was = before.tables[table.name] else { continue }
            for parent in Set(table.parents).intersection(was.parents) { children[parent, default: []].append(table.name) }
        }
        var given: [ObjectID: String] = [:]
        for id in order where id.kind == .table {
            let name = ModelIndex.name(id)
            guard let oldTable = before.tables[name], let newTable = after.tables[name], !work.rebuilt.contains(id) else { continue }
            for column in newTable.columns {
                let columnID = ObjectID(.column, column.name, on: id)
                guard let expression = column.generatedExpression, let held = given[columnID] ?? oldTable.column(column.name)?.generatedExpression,
                      inPlace[columnID] != nil || given[columnID] != nil, held != expression,
                      work.readdedColumns[id]?.contains(column.name) != true else { continue }
                work.expressionsSet.insert(columnID)
                var descendants = children[name] ?? []
                while let child = descendants.popLast() {
                    given[ObjectID(.column, column.name, on: ObjectID(.table, child))] = expression
                    descendants += children[child] ?? []
                }
            }
        }
    }

    /// A function replaced in place (`CREATE OR REPLACE`) with another body, language,
    /// strictness or settings may give other results for the same arguments (and so may a
    /// function whose body calls it, and `to_tsvector` with a text search configuration whose
    /// mappings or dictionaries change), and the server recomputes nothing it stored from the
    /// old ones: an index over it is stale (queries through it find the old values), a stored
    /// generated column keeps the old values, a check was only ever checked against them. The
    /// same for what applies an operator whose function it is, and an index built by an
    /// operator class with it (or such an operator) among its members, which holds the old order.
    /// Each, on a table or domain that stays, is computed again: the index and the check or
    /// exclusion constraint made again (an index build, a validation scan; a domain's check
    /// dropped and added again), the generated column set again or added again. Not `REINDEX`:
    /// the session that ran it built the index from its cached copy of the index's
    /// expressions, the old SQL function inlined in it (a query in a new session then found
    /// nothing through it). Returns what made a text stale, for the materialized views that read
    /// any of it (`addRefreshedViews`, once the plan knows what it makes again whole).
    private func addResultsOfReplacedFunctions(to work: inout Work, before: ModelIndex, after: ModelIndex,
                                               edges: [(dependent: ObjectID, referenced: ObjectID)]) -> (String) -> QualifiedName? {
        let resultProperties: Set<String> = ["body", "language", "strict", "configuration"]
        // By name, as definitions call them (with the schema of one of that name, for the record).
        // A body changed only in its white space, comments or keywords' case reads the same.
        let sameText = { (old: String, new: String) in
            let read = { (text: String) in
                SQLToken.tokens(of: text).map { token in token.kind == .word ? token.value.lowercased() : "\(token.kind):\(token.value)" }
            }
            return read(old) == read(new)
        }
        var replaced = Dictionary(work.changedTop.compactMap { id, change -> (String, QualifiedName)? in
            let changed = Set(change.properties.map(\.name)).intersection(resultProperties)
            guard id.kind == .function, !changed.isEmpty else { return nil }
            if changed == ["body"], case let .function(old)? = change.old, case let .function(new)? = change.new,
               sameText(old.body, new.body) { return nil }
            return (id.name, ModelIndex.name(id))
        }, uniquingKeysWith: { first, _ in first })
        // Text search configurations whose mappings change in place, or whose dictionaries'
        // options do: `to_tsvector('cfg'::regconfig, …)` gives other vectors.
        let changedTop = work.changedTop
        let changedDefinition = { (kind: ObjectKind) in
            changedTop.compactMap { id, change in
                id.kind == kind && change.properties.contains { $0.name == "definition" } ? ModelIndex.name(id) : nil
            }
        }
        let dictionaries = changedDefinition(.textSearchDictionary)
        let configurations = Set(changedDefinition(.textSearchConfiguration)).union(after.model.definedObjects.compactMap { object in
            guard object.kind == .textSearchConfiguration, !dictionaries.isEmpty,
                  dictionaries.contains(where: { object.definition.contains($0.sql) || object.definition.contains(SQLWriting.qualifiedPlain($0)) })
            else { return nil }
            return ModelIndex.name(object.id)
        })
        // As the server prints a configuration's name in a definition: bare where the search path finds it.
        let literals = { (name: QualifiedName) in
            [SQLWriting.identPlain(name.name), SQLWriting.qualifiedPlain(name)].map { SQLWriting.literal($0) + "::regconfig" }
        }
        let configurationLiterals = configurations.flatMap(literals)
        guard !replaced.isEmpty || !configurationLiterals.isEmpty else { return { _ in nil } }
        // And the functions whose bodies call one, at any depth: theirs change with it.
        var grown = true
        while grown {
            grown = false
            let names = Set(replaced.keys)
            for function in after.model.functions where replaced[function.name.name] == nil && Self.callsAny(function.body, names) {
                replaced[function.name.name] = function.name
                grown = true
            }
        }
        let names = Set(replaced.keys)
        // Operators over one of them: what applies one changes with it. By how a definition
        // spells the operator (`a <<< b`, or `OPERATOR(s.<<<)` off the search path), the function.
        let byQualifiedName = Dictionary(replaced.values.map { (SQLWriting.qualifiedPlain($0), $0) }, uniquingKeysWith: { first, _ in first })
        let operators = after.model.definedObjects.compactMap { object -> (spellings: [String], member: String, function: QualifiedName)? in
            guard object.kind == .operator, before.defined[object.id] != nil,
                  let start = object.definition.range(of: " (FUNCTION = ")?.upperBound,
                  let function = byQualifiedName[String(object.definition[start...].prefix { $0 != "," && $0 != ")" })] else { return nil }
            let name = "\(SQLWriting.identPlain(object.schema ?? "public")).\(object.name)"
            return ([" \(object.name) ", " \(object.name))", "OPERATOR(\(name))"], name + "(", function)
        }
        // The first of them a text calls, and the function of the first such operator it applies.
        let calledFunction = { (text: String) in names.sorted().first { Self.callsAny(text, [$0]) }.flatMap { replaced[$0] } }
        let appliedOperator = { (text: String) in operators.first { $0.spellings.contains(where: text.contains) }?.function }
        // Operator classes with such a function or operator among their members: an index built
        // by one (which its definition names, `(v s.mod10_ops)`) holds the old order.
        let classes = after.model.definedObjects.compactMap { object -> (id: ObjectID, name: String, function: QualifiedName)? in
            guard object.kind == .operatorClass, before.defined[object.id] != nil,
                  let function = calledFunction(object.definition)
                    ?? operators.first(where: { object.definition.contains($0.member) })?.function else { return nil }
            return (object.id, object.name, function)
        }
        let namesClass = { (text: String) -> QualifiedName? in
            guard !classes.isEmpty else { return nil }
            let words = Set(SQLToken.tokens(of: text).compactMap(\.identifier))
            return classes.first { words.contains($0.name) }?.function
        }
        // One pass for the functions, as every index and check of a large schema is asked.
        let callsOne = { (text: String) in
            Self.callsAny(text, names) || configurationLiterals.contains { text.contains($0) }
                || appliedOperator(text) != nil || namesClass(text) != nil
        }
        // What made it stale, for the record (`Plan.recomputed`): the first function it calls (or
        // whose operator or operator class it uses), or configuration it names.
        let cause = { (text: String) -> QualifiedName? in
            calledFunction(text) ?? configurations.sorted().first { literals($0).contains(where: text.contains) }
                ?? appliedOperator(text) ?? namesClass(text)
        }
        // A domain's check, like a table's, is checked again over the values its columns hold.
        for domain in after.model.domains {
            let id = ObjectID(.domain, domain.name)
            guard let old = before.model.domains.first(where: { $0.name == domain.name }), !work.rebuilt.contains(id),
                  !work.domainRebuilds.contains(id) else { continue }
            for check in domain.checks where callsOne(check.definition) && old.checks.contains(where: { $0 == check }) {
                work.domainChecksDroppedEarly[domain.name, default: []].insert(check.name)
                work.recomputed[ObjectID(.constraint, check.name, on: id)] = cause(check.definition)
            }
        }
        // An index (or the key or exclusion constraint it is) built by such a class where its
        // definition does not name it (the default class of its column's type, `USING gist (s)`):
        // by its pg_depend edge to the class.
        let classFunctions = Dictionary(classes.map { ($0.id, $0.function) }, uniquingKeysWith: { first, _ in first })
        for (dependent, referenced) in edges where dependent.kind == .index || dependent.kind == .constraint {
            guard let function = classFunctions[referenced], let table = dependent.parent, table.kind == .table || table.kind == .materializedView,
                  !work.rebuilt.contains(table), !work.addedTop.contains(table), after.member(dependent) != nil,
                  before.member(dependent) != nil else { continue }
            work.rebuiltMembers.insert(dependent)
            work.recomputed[dependent] = function
        }
        for table in after.model.tables {
            let tableID = ObjectID(.table, table.name)
            guard let old = before.tables[table.name], !work.rebuilt.contains(tableID), !work.addedTop.contains(tableID) else { continue }
            if let key = table.partitionKey, old.partitionKey == key, callsOne(key) { work.keysOverReplaced[tableID] = cause(key) }
            for index in table.indexes where callsOne(index.definition) && old.index(index.name) != nil {
                work.rebuiltMembers.insert(ObjectID(.index, index.name, on: tableID))
                work.recomputed[ObjectID(.index, index.name, on: tableID)] = cause(index.definition)
            }
            for constraint in table.constraints where (constraint.kind == .check || constraint.kind == .exclusion)
                && callsOne(constraint.definition) && old.constraints.contains(where: { $0.name == constraint.name }) {
                work.rebuiltMembers.insert(ObjectID(.constraint, constraint.name, on: tableID))
                work.recomputed[ObjectID(.constraint, constraint.name, on: tableID)] = cause(constraint.definition)
            }
            // A virtual column (18) stores nothing. A stored one is recomputed in place by `SET
            // EXPRESSION` from 17 (with its own expression: it keeps its place, and what reads
            // it stays); before, added again. A child's is its parent's to recompute.
            for column in table.columns where column.generatedExpression.map(callsOne) == true
                && (column.generatedStorage ?? "STORED") == "STORED" && old.column(column.name)?.generatedExpression != nil
                && !table.parents.contains(where: { after.tables[$0]?.column(column.name) != nil }) {
                if (options.serverMajor ?? 0) >= 17 {
                    work.expressionsSet.insert(ObjectID(.column, column.name, on: tableID))
                } else {
                    work.readdedColumns[tableID, default: []].insert(column.name)
                }
                work.recomputed[ObjectID(.column, column.name, on: tableID)] = cause(column.generatedExpression ?? "")
            }
        }
        return cause
    }

    /// Materialized views whose rows the plan leaves stale, refreshed (`Work.recomputed`): those
    /// that stay, populated, whose query reads what changes under it, directly or through views
    /// and other materialized views: a function replaced with other results (`cause` names the one a
    /// text calls), or a view given another query in place (`CREATE OR REPLACE VIEW`). Their
    /// indexes over such a function are made again, as a table's.
    private func addRefreshedViews(to work: inout Work, before: ModelIndex, after: ModelIndex, order: DependencyOrder,
                                   cause: (String) -> QualifiedName?) {
        var reading: [ObjectID: QualifiedName] = [:]
        for id in order.order where id.kind == .view || id.kind == .materializedView {
            guard let view = after.views[ModelIndex.name(id)] else { continue }
            let old = before.views[view.name].flatMap { $0.materialized == view.materialized ? $0 : nil }
            let stays = old != nil && !work.rebuilt.contains(id) && !work.addedTop.contains(id)
            for index in view.indexes where stays && old?.indexes.contains(where: { $0.name == index.name }) == true {
                guard let source = cause(index.definition) else { continue }
                work.rebuiltMembers.insert(ObjectID(.index, index.name, on: id))
                work.recomputed[ObjectID(.index, index.name, on: id)] = source
            }
            let requeried = stays && work.changedTop[id]?.properties.contains { $0.name == "definition" } == true
            guard let source = requeried ? view.name : cause(view.definition)
                    ?? (reading.isEmpty ? nil : order.needs[id]?.sorted().lazy.compactMap({ reading[$0] }).first) else { continue }
            reading[id] = source
            if view.materialized, stays, view.withNoData != true { work.recomputed[id] = source }
        }
    }

    /// Generated columns that must be dropped and added again (see `Work.readdedColumns`), and
    /// what DROP COLUMN takes with them: the indexes, constraints and statistics that name them.
    /// Their tables' readers are rebuilt as for a type change.
    private func addReaddedColumns(to work: inout Work, before: ModelIndex, after: ModelIndex) {
        for (id, change) in work.changedMembers where id.kind == .column {
            guard let table = id.parent, change.properties.contains(where: { $0.name == "generated" }),
                  case let .column(new)? = change.new, new.generatedExpression != nil,
                  !work.expressionChangesInPlace.contains(id) else { continue }
            work.readdedColumns[table, default: []].insert(id.name)
        }
        for (table, retyped) in work.retypedColumns {
            guard case let .table(oldTable)? = before.object(table), case let .table(newTable)? = after.object(table) else { continue }
            for column in oldTable.columns {
                guard let expression = column.generatedExpression, newTable.column(column.name)?.generatedExpression != nil,
                      retyped.contains(where: { $0 != column.name && Self.mentions(expression, $0) }) else { continue }
                work.readdedColumns[table, default: []].insert(column.name)
            }
        }
        for (table, columns) in work.readdedColumns {
            guard case let .table(oldTable)? = before.object(table) else { continue }
            work.affectedTables.insert(table)
            work.retypedColumns[table, default: []].formUnion(columns)
            let names = { (text: String) in columns.contains { Self.mentions(text, $0) } }
            rebuildMembers(of: oldTable, naming: names,
                           constraints: { !Set($0.columns).isDisjoint(with: columns) || names($0.definition) }, in: &work, after: after)
            for object in before.model.definedObjects where object.statisticsTable == oldTable.name && names(object.definition) {
                let id = object.id
                if after.object(id) != nil, !work.removedTop.contains(id), !work.addedTop.contains(id) {
                    work.rebuilt.insert(id)
                    work.changedTop[id] = nil
                }
            }
        }
    }

    /// Whether a column's `format_type` text is `type` or an array of it.
    static func uses(_ columnType: String, _ type: QualifiedName) -> Bool {
        let array = columnType.utf8.last == UInt8(ascii: "]") && columnType.hasSuffix("[]")
        let bare = array ? String(columnType.dropLast(2)) : columnType
        // Each spelling ends with the name's last byte or a quote: most columns are told apart by
        // that byte, before any spelling is written (asked of every column of 5,000 tables for
        // each type rebuilt, writing them was a sixth of planning).
        guard let last = bare.utf8.last, last == UInt8(ascii: "\"") || last == type.name.utf8.last else { return false }
        return spellings(of: type).contains(bare)
    }

    /// How `format_type` may write `type`: quoted and qualified, qualified where quotes are
    /// needed, and bare in `public`.
    static func spellings(of type: QualifiedName) -> [String] {
        [type.sql, SQLWriting.qualifiedPlain(type)] + (type.schema == "public" ? [SQLWriting.identPlain(type.name)] : [])
    }

    /// Whether `text` names column `name` (as a word or quoted).
    static func mentions(_ text: String, _ name: String) -> Bool {
        if text.contains(SQLWriting.ident(name)) { return true }
        var index = text.startIndex
        while let range = text.range(of: name, range: index..<text.endIndex) {
            let beforeOK = range.lowerBound == text.startIndex || !Self.isWordCharacter(text[text.index(before: range.lowerBound)])
            let afterOK = range.upperBound == text.endIndex || !Self.isWordCharacter(text[range.upperBound])
            if beforeOK && afterOK { return true }
            index = range.upperBound
        }
        return false
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    // MARK: - Renames

    /// Renames and moves the user asked for, made in `old` so the diff matches the objects,
    /// with the statements that make them: the schemas' (which run first of all), and the
    /// others'. Columns before tables: their statements name the table as it was (in its
    /// schema as it is now).
    private func applyRenames(to old: inout DatabaseModel) -> (schemas: [Statement], others: [Statement]) {
        // None asked: the model stays as it is, and is not put in order again.
        guard !options.renames.isEmpty else { return ([], []) }
        var statements: [Statement] = [], schemaStatements: [Statement] = []
        // A schema, with everything in it. The other renames name their objects as the source
        // does, in its old name: they are named in its new one from here.
        var schemas: [String: String] = [:]
        for rename in options.renames where rename.schema {
            let (was, now) = (rename.table.schema, rename.newName)
            guard old.schemas.contains(where: { $0.name == was }), !old.schemas.contains(where: { $0.name == now }) else { continue }
            SchemaRenaming.rename(was, to: now, in: &old)
            schemas[was] = now
            schemaStatements.append(Statement("ALTER SCHEMA \(SQLWriting.ident(was)) RENAME TO \(SQLWriting.ident(now))"))
        }
        // A move into a renamed schema may name it either way (`public.x=crm.x` or `=sales.x`),
        // unless the target holds a schema of its old name too.
        let renames = options.renames.filter { !$0.schema }.map { rename in
            var moved = rename
            if let target = moved.newSchema, let now = schemas[target], !new.schemas.contains(where: { $0.name == target }) {
                moved.newSchema = now
            }
            guard let now = schemas[rename.table.schema] else { return moved }
            moved.table.schema = now
            if moved.newSchema == now { moved.newSchema = nil }
            return moved
        }
        // An enum's value: every row holding it holds the new one; what prints it (a default, a
        // check, a view) prints the new one.
        for rename in renames where rename.enumValue {
            guard let value = rename.column, let position = old.enums.firstIndex(where: { $0.name == rename.table }),
                  let label = old.enums[position].labels.firstIndex(of: value), !old.enums[position].labels.contains(rename.newName) else { continue }
            old.enums[position].labels[label] = rename.newName
            TypeRenaming.renameValue(value, to: rename.newName, of: rename.table, in: &old)
            statements.append(Statement("ALTER TYPE \(rename.table.sql) RENAME VALUE \(SQLWriting.literal(value)) TO \(SQLWriting.literal(rename.newName))"))
        }
        // A sequence of its own: it goes on counting; the defaults that name it name it anew.
        for rename in renames where rename.sequence {
            guard old.sequences.contains(where: { $0.name == rename.table }) else { continue }
            TypeRenaming.renameSequence(rename.table, to: rename.newTable, in: &old)
            statements.append(Statement("ALTER SEQUENCE \(rename.table.sql) RENAME TO \(SQLWriting.ident(rename.newName))"))
        }
        let tableRenames = renames.filter(\.onTable)
        // Built at the first column rename, before any table is renamed (column renames come first,
        // and renaming a column changes no table's parents).
        lazy var families = ModelIndex(old)
        for rename in tableRenames.filter({ $0.column != nil }) + tableRenames.filter({ $0.column == nil }) {
            guard let position = old.tables.firstIndex(where: { $0.name == rename.table }) else { continue }
            if let column = rename.column {
                guard old.tables[position].columns.contains(where: { $0.name == column }) else { continue }
                // RENAME COLUMN renames it in every partition and inheritance child too, at any
                // depth (the server refuses it on them alone).
                let tables = [rename.table] + families.descendants(of: rename.table)
                // From 18 its NOT NULL keeps its name (`t_note_not_null`): named where it was the
                // table's own, not one it holds from its parent (asked before any is renamed).
                let owners = (options.serverMajor ?? 0) < 18 ? [] : Set(tables.filter { table in
                    guard let owner = old.tables.first(where: { $0.name == table }),
                          let held = owner.columns.first(where: { $0.name == column }) else { return false }
                    return Self.ownsNotNullName(of: held, in: owner, old)
                })
                for table in tables {
                    guard let at = old.tables.firstIndex(where: { $0.name == table }),
                          let index = old.tables[at].columns.firstIndex(where: { $0.name == column }) else { continue }
                    if owners.contains(table) {
                        old.tables[at].columns[index].notNullName = TableDDL.notNullName(of: old.tables[at].columns[index], in: table)
                    }
                    old.tables[at].columns[index].name = rename.newName
                    // Its identity's sequence keeps its name (RENAME COLUMN renames no sequence):
                    // named now where it was the one the column's old name gave.
                    if table == rename.table, old.tables[at].columns[index].identity?.sequenceName == nil,
                       old.tables[at].columns[index].identity != nil {
                        old.tables[at].columns[index].identity?.sequenceName = Column.Identity.defaultSequenceName(of: column, in: table)
                    }
                    for sequence in old.sequences.indices where old.sequences[sequence].ownedBy == ColumnReference(table: table, column: column) {
                        old.sequences[sequence].ownedBy?.column = rename.newName
                    }
                    renameColumn(column, to: rename.newName, of: table, in: &old)
                }
                // A name kept that is now the one the server gives reads as none.
                if (options.serverMajor ?? 0) >= 18 { for table in tables { Self.unnameGivenNotNullNames(of: table, in: &old) } }
                statements.append(Statement("ALTER TABLE \(rename.table.sql) RENAME COLUMN \(SQLWriting.ident(column)) TO \(SQLWriting.ident(rename.newName))",
                                            hazards: [.accessExclusiveLock(rename.table)]))
                continue
            }
            let target = rename.newTable
            old.tables[position].name = target
            TypeRenaming.renameTable(rename.table, to: target, in: &old)
            // Its indexes and the foreign keys that point at it name it in their definitions
            // (`ON app.t USING`, `REFERENCES app.t(id)`): `renameTable` writes those as the server
            // does after the rename, so they are not dropped and built again for a name.
            // The other tables name it too: their foreign keys to it, as partitions and as children.
            for table in old.tables.indices {
                if old.tables[table].partitionOf == rename.table { old.tables[table].partitionOf = target }
                old.tables[table].inherits = old.tables[table].inherits.map { $0 == rename.table ? target : $0 }
                for constraint in old.tables[table].constraints.indices where old.tables[table].constraints[constraint].foreignKey?.referencedTable == rename.table {
                    old.tables[table].constraints[constraint].foreignKey?.referencedTable = target
                }
            }
            if target.name != rename.table.name {
                statements.append(Statement("ALTER TABLE \(rename.table.sql) RENAME TO \(SQLWriting.ident(target.name))",
                                            hazards: [.accessExclusiveLock(rename.table)]))
            }
            // SET SCHEMA takes along its indexes, constraints, triggers, row type and the
            // sequences its columns own (a serial's, an identity's), under their names.
            // Its column's default names it as regclass prints it: where it is now.
            for sequence in old.sequences.indices where old.sequences[sequence].ownedBy?.table == rename.table {
                let was = old.sequences[sequence].name
                old.sequences[sequence].ownedBy?.table = target
                TypeRenaming.renameSequence(was, to: QualifiedName(schema: target.schema, name: was.name), in: &old)
            }
            // An identity's sequence keeps its name (RENAME TO renames no sequence) and moves
            // with the table; named only where that is not the name the table would give it.
            for column in old.tables[position].columns.indices {
                let name = old.tables[position].columns[column].name
                guard let identity = old.tables[position].columns[column].identity else { continue }
                let kept = identity.sequence(of: name, in: rename.table)
                let now = QualifiedName(schema: target.schema, name: kept.name)
                old.tables[position].columns[column].identity?.sequenceName =
                    now == Column.Identity.defaultSequenceName(of: name, in: target) ? nil : now
            }
            // From 18 a column's NOT NULL is a constraint named after its table, and RENAME TO keeps
            // that name: named where it is no longer the one the table would give (one held
            // from a parent keeps the parent's, and is left unnamed, as it was read).
            let table = old.tables[position]
            if (options.serverMajor ?? 0) >= 18, target.name != rename.table.name {
                for column in table.columns.indices where table.columns[column].notNull
                    && (table.columns[column].notNullName != nil || Self.ownsNotNullName(of: table.columns[column], in: table, old)) {
                    var unnamed = table.columns[column]
                    unnamed.notNullName = nil
                    let kept = TableDDL.notNullName(of: table.columns[column], in: rename.table)
                    old.tables[position].columns[column].notNullName = kept == TableDDL.notNullName(of: unnamed, in: target) ? nil : kept
                }
            }
            if target.schema != rename.table.schema {
                statements.append(Statement("ALTER TABLE \(QualifiedName(schema: rename.table.schema, name: target.name).sql) "
                                            + "SET SCHEMA \(SQLWriting.ident(target.schema))", hazards: [.accessExclusiveLock(rename.table)]))
            }
        }
        old.canonicalize()
        return (schemaStatements, statements)
    }

    /// Sequences that go with the table or the column that owns them. One that another column's
    /// default calls (an inheritance child holds its parent's `nextval`) is detached first, since
    /// `DROP TABLE` or `DROP COLUMN` would take it before that default changes and the server
    /// refuses: it goes on its own once the defaults no longer name it. Every other one goes with
    /// its owner's drop, which carries its hazard: a `DROP SEQUENCE IF EXISTS` after it only said
    /// "does not exist, skipping".
    private static func sequencesGoingWithOwners(before: ModelIndex, droppedTop: Set<ObjectID>, work: Work)
        -> (detached: [Statement], takenBy: [ObjectID: [QualifiedName]]) {
        // Each going sequence with its owner as dropped: the whole table, or the one column.
        let going: [(sequence: Sequence, literal: String, owner: ObjectID)] = before.model.sequences.compactMap { sequence in
            guard let owner = sequence.ownedBy, droppedTop.contains(ObjectID(.sequence, sequence.name)) else { return nil }
            let table = ObjectID(.table, owner.table), column = ObjectID(.column, owner.column, on: table)
            let literal = SQLWriting.regclassLiteral(sequence.name)
            if work.rebuilt.contains(table) || work.removedTop.contains(table) { return (sequence, literal, table) }
            return work.removedMembers[column] == nil ? nil : (sequence, literal, column)
        }
        guard !going.isEmpty else { return ([], [:]) }
        var called: Set<QualifiedName> = []
        for table in before.model.tables {
            for column in table.columns {
                guard let expression = column.defaultExpression, expression.contains("nextval(") else { continue }
                let id = ObjectID(.column, column.name, on: ObjectID(.table, table.name))
                for (sequence, literal, owner) in going where owner != id && owner != id.parent && expression.contains(literal) {
                    called.insert(sequence.name)
                }
            }
        }
        let detached = going.filter { called.contains($0.sequence.name) }
        // One set aside under another name (`Work.serialSequencesAside`) is renamed, not dropped.
        let taken = going.filter { !called.contains($0.sequence.name) && work.serialSequencesAside[$0.sequence.name] == nil }
        return (detached.map { TypeDDL.detachment($0.sequence) }, Dictionary(grouping: taken, by: \.owner).mapValues { $0.map(\.sequence.name) })
    }

    /// Default privileges of the role running the plan (`for the running role …`) apply to each
    /// object the plan creates, as they did not to the target's objects made before them: a view
    /// made again got a grant the target's lacks. Where the plan creates an object of a kind they
    /// cover (in their schema, for those of one), the source's go back to PostgreSQL's defaults
    /// first and the target's are set last, so a created object has only the defaults and the
    /// grants the plan writes for it (`PrivilegeDDL`). Their own changes are left out of `work`.
    private static func defaultPrivilegesAside(work: inout Work, before: ModelIndex, after: ModelIndex) -> (undo: [Statement], redo: [Statement]) {
        let running = { (object: DefinedObject) in object.kind == .defaultPrivileges && object.name.hasPrefix("for the running role ") }
        let old = before.model.definedObjects.filter(running)
        guard !old.isEmpty else { return ([], []) }
        var created = work.addedTop.union(work.rebuilt)
        // A serial's or an identity's sequence comes with its column (only its kind and schema matter here).
        for name in after.sequences.keys where before.sequences[name] == nil { created.insert(ObjectID(.sequence, name)) }
        for table in after.model.tables where table.columns.contains(where: { $0.identity != nil }) {
            let id = ObjectID(.table, table.name)
            for column in table.columns where column.identity != nil {
                let member = ObjectID(.column, column.name, on: id)
                if created.contains(id) || work.addedMembers[member] != nil || work.rebuiltMembers.contains(member)
                    || before.tables[table.name]?.columns.first(where: { $0.name == column.name })?.identity == nil {
                    created.insert(ObjectID(.sequence, QualifiedName(schema: table.name.schema, name: column.name)))
                }
            }
        }
        func covers(_ entry: DefinedObject) -> Bool {
            let kinds: Set<ObjectKind>
            switch entry.name.split(separator: " ").last {
            case "tables": kinds = [.table, .view, .materializedView, .foreignTable]
            case "sequences": kinds = [.sequence]
            case "functions": kinds = [.function, .procedure, .aggregate]
            case "types": kinds = [.enum, .domain, .compositeType, .rangeType, .baseType]
            case "schemas": kinds = [.schema]
            default: return false
            }
            return created.contains { kinds.contains($0.kind) && (entry.schema == nil || ($0.kind == .schema ? nil : $0.schema) == entry.schema) }
        }
        let new = after.model.definedObjects.filter(running)
        let aside = Set((old + new).filter(covers).map(\.id))
        guard !aside.isEmpty else { return ([], []) }
        work.addedTop.subtract(aside)
        work.removedTop.subtract(aside)
        work.rebuilt.subtract(aside)
        for id in aside { work.changedTop[id] = nil }
        return (old.filter { aside.contains($0.id) }.map(DefinedObjectDDL.drop),
                new.filter { aside.contains($0.id) }.flatMap { DefinedObjectDDL.create($0, guarded: false) })
    }

    /// Whether a NOT NULL column's constraint (18 and later) is named after `table` itself, the
    /// name a rename leaves behind: a column with a name of its own, or one its table holds
    /// apart from its parents (declared in its own `CREATE TABLE … INHERITS` too). A partition
    /// made `PARTITION OF`, or a child's column it only inherits, holds its parent's name,
    /// which the model leaves unnamed as well. One attached later holds its own: the proof
    /// says so where that is what the server has.
    static func ownsNotNullName(of column: Column, in table: Table, _ model: DatabaseModel) -> Bool {
        guard column.notNull, column.notNullName == nil else { return false }
        if column.inheritedAndLocal == true || column.notNullLocal == true { return true }
        let parents = (table.partitionOf.map { [$0] } ?? []) + table.inherits
        return !model.tables.contains { parent in
            parents.contains(parent.name) && (parent.columns.contains { $0.name == column.name && $0.notNull }
                || parent.constraints.contains { $0.kind == .notNull && $0.columns == [column.name] })
        }
    }

    /// Reads a NOT NULL name (18 and later) as the reader does: none where it is the one the
    /// server gives the table (`t_c_not_null`) or, for one the table does not declare itself
    /// too (`Column.notNullLocal`), one of its parents' not-null constraints'; on a partition
    /// whose parent gives it the NOT NULL, none only where it is the parent's.
    static func unnameGivenNotNullNames(of name: QualifiedName, in model: inout DatabaseModel) {
        guard let position = model.tables.firstIndex(where: { $0.name == name }) else { return }
        let table = model.tables[position]
        let parents = Set((table.partitionOf.map { [$0] } ?? []) + table.inherits)
        let tables = Dictionary(model.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let parentNames = Set(parents.compactMap { tables[$0] }.flatMap { parent in
            parent.columns.filter(\.notNull).map { TableDDL.notNullName(of: $0, in: parent.name) }
        })
        for column in table.columns.indices {
            guard let kept = table.columns[column].notNullName else { continue }
            let partitionGiven = table.partitionOf.flatMap { tables[$0] }.flatMap {
                TableDDL.parentNotNullName(table.columns[column].name, of: $0, in: tables)
            }
            let given = partitionGiven.map { kept == $0 }
                ?? (kept == ServerNames.objectName(name.name, table.columns[column].name, label: "not_null")
                    || (table.columns[column].notNullLocal != true && parentNames.contains(kept)))
            if given { model.tables[position].columns[column].notNullName = nil }
        }
    }

    /// The indexes and constraints that name column `column` of `table`, and the foreign keys
    /// that point at it, as the server prints them once it is renamed (`ColumnRenaming`).
    private func renameColumn(_ column: String, to newName: String, of table: QualifiedName, in model: inout DatabaseModel) {
        let rename = { (names: [String]) in names.map { $0 == column ? newName : $0 } }
        for position in model.tables.indices {
            let own = model.tables[position].name == table
            if own {
                for index in model.tables[position].indexes.indices {
                    model.tables[position].indexes[index].definition = ColumnRenaming.definition(
                        model.tables[position].indexes[index].definition, renaming: column, to: newName, inside: ColumnRenaming.after("USING"))
                    model.tables[position].indexes[index].keys = rename(model.tables[position].indexes[index].keys)
                    model.tables[position].indexes[index].include = rename(model.tables[position].indexes[index].include)
                }
                // A generated column over it reads it by number too: made again, it would rewrite the table.
                for other in model.tables[position].columns.indices {
                    guard let expression = model.tables[position].columns[other].generatedExpression else { continue }
                    model.tables[position].columns[other].generatedExpression = ColumnRenaming.definition(expression, renaming: column, to: newName)
                }
            }
            for index in model.tables[position].constraints.indices {
                var constraint = model.tables[position].constraints[index]
                let referencesIt = constraint.foreignKey?.referencedTable == table
                guard own || referencesIt else { continue }
                // Its own columns come before REFERENCES, the referenced table's after.
                let inside: ([SQLToken], Int) -> Bool = own && referencesIt ? { _, _ in true }
                    : own ? (constraint.kind == .foreignKey ? ColumnRenaming.before("REFERENCES") : { _, _ in true })
                    : ColumnRenaming.after("REFERENCES")
                constraint.definition = ColumnRenaming.definition(constraint.definition, renaming: column, to: newName, inside: inside)
                if own { constraint.columns = rename(constraint.columns) }
                if referencesIt, let referenced = constraint.foreignKey?.referencedColumns { constraint.foreignKey?.referencedColumns = rename(referenced) }
                model.tables[position].constraints[index] = constraint
            }
        }
        // A publication's column list and row filter hold the column by number too.
        for position in model.definedObjects.indices where model.definedObjects[position].kind == .publication {
            model.definedObjects[position] = model.definedObjects[position].rewritingPublishedTables { published in
                guard published.table == table, published.filtered else { return published.entry }
                return published.head + " " + ColumnRenaming.definition(published.filter, renaming: column, to: newName)
            }
        }
    }

    /// A removed and an added column of one table (or table of one schema) with
    /// the same shape: said, never done silently.
    private func possibleRenames(_ work: Work, before: ModelIndex, after: ModelIndex) -> [String] {
        var notes: [String] = []
        // Added columns by table and added tables by schema, grouped once: each removed one is
        // compared with its own group only (at 5,000 tables, filtering and sorting every added
        // table for each removed one was a quarter of planning's time).
        let addedColumns = Dictionary(grouping: work.addedMembers.keys.filter { $0.kind == .column }.sorted(), by: \.parent)
        let removedColumns = Set(work.removedMembers.keys.filter { $0.kind == .column })
        for removed in removedColumns.sorted() {
            guard case let .column(oldColumn)? = before.member(removed) else { continue }
            // A partition's or child's column its parent loses too: renamed with the parent's, never alone.
            if let table = removed.parent, case let .table(child)? = before.object(table),
               ((child.partitionOf.map { [$0] } ?? []) + child.inherits).contains(where: {
                   removedColumns.contains(ObjectID(.column, removed.name, on: ObjectID(.table, $0)))
               }) { continue }
            for added in addedColumns[removed.parent, default: []] {
                guard case let .column(newColumn)? = after.member(added), newColumn.type == oldColumn.type else { continue }
                notes.append("possible rename of \(removed.sql) to \(SQLWriting.ident(added.name)): "
                             + "--rename \(RenameArgument.text(old: [removed.schema ?? "public", removed.owner ?? "", removed.name], new: [added.name])) keeps its data")
            }
        }
        // An enum whose value at one place is another (a value renamed, or one dropped and one
        // added there): the rows holding it keep it only if renamed.
        for id in work.enumRebuilds.sorted() {
            guard case let .enum(oldType)? = before.object(id), case let .enum(newType)? = after.object(id),
                  oldType.labels.count == newType.labels.count else { continue }
            for (was, now) in zip(oldType.labels, newType.labels) where was != now && !newType.labels.contains(was) && !oldType.labels.contains(now) {
                notes.append("possible rename of value \(SQLWriting.literal(was)) of \(id.sql) to \(SQLWriting.literal(now)): "
                             + "--rename \(RenameArgument.text(old: [oldType.name.schema, oldType.name.name, was], new: [now])) keeps its rows' values")
            }
        }
        // A sequence of its own and one of the same options in the same schema: a rename keeps its value.
        let addedSequences = work.addedTop.filter { $0.kind == .sequence }.sorted()
        for removed in work.removedTop.filter({ $0.kind == .sequence }).sorted() {
            guard case let .sequence(oldSequence)? = before.object(removed), oldSequence.ownedBy == nil else { continue }
            for added in addedSequences where added.schema == removed.schema {
                guard case let .sequence(newSequence)? = after.object(added), newSequence.ownedBy == nil,
                      newSequence.options == oldSequence.options else { continue }
                notes.append("possible rename of sequence \(removed.sql) to \(SQLWriting.ident(added.name)): "
                             + "--rename \(RenameArgument.text(old: [removed.schema ?? "public", removed.name], new: [added.name])) keeps its value")
            }
        }
        // A table of the same shape in the same schema, or of the same name in another (moved).
        let addedTables = work.addedTop.filter { $0.kind == .table }.sorted()
        let addedBySchema = Dictionary(grouping: addedTables, by: \.schema), addedByName = Dictionary(grouping: addedTables, by: \.name)
        // A schema that goes, whose every table comes back under its name in one that comes: a
        // rename keeps them all (their types may name the schema, so their shapes are not compared),
        // and its tables' moves there are not named one by one.
        let removedTables = Dictionary(grouping: work.removedTop.filter { $0.kind == .table }, by: \.schema)
        var schemaRenames: Set<[String?]> = []
        for removed in work.removedTop.filter({ $0.kind == .schema }).sorted() {
            guard let tables = removedTables[removed.name] else { continue }
            for added in work.addedTop.filter({ $0.kind == .schema }).sorted() {
                let names = Set(addedBySchema[added.name, default: []].map(\.name))
                guard tables.allSatisfy({ names.contains($0.name) }) else { continue }
                schemaRenames.insert([removed.name, added.name])
                notes.append("possible rename of schema \(SQLWriting.ident(removed.name)) to \(SQLWriting.ident(added.name)): "
                             + "--rename \(RenameArgument.text(old: [removed.name], new: [added.name])) keeps everything in it")
            }
        }
        for removed in work.removedTop.filter({ $0.kind == .table }).sorted() {
            guard case let .table(oldTable)? = before.object(removed) else { continue }
            let shape = oldTable.columns.map { [$0.name, $0.type] }
            let sameShape = { (added: ObjectID) in
                guard case let .table(newTable)? = after.object(added) else { return false }
                return newTable.columns.map { [$0.name, $0.type] } == shape
            }
            for added in addedBySchema[removed.schema, default: []] where sameShape(added) {
                notes.append("possible rename of \(removed.sql) to \(SQLWriting.ident(added.name)): "
                             + "--rename \(RenameArgument.text(old: [removed.schema ?? "public", removed.name], new: [added.name])) keeps its data")
            }
            for added in addedByName[removed.name, default: []]
            where added.schema != removed.schema && !schemaRenames.contains([removed.schema, added.schema]) && sameShape(added) {
                notes.append("possible move of \(removed.sql) to \(added.sql): "
                             + "--rename \(RenameArgument.text(old: [removed.schema ?? "public", removed.name], new: [added.schema ?? "public", added.name])) keeps its data")
            }
        }
        return notes
    }
}
