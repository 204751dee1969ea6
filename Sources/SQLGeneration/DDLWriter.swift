import Diff
import SQLText
import SchemaModel

/// Writes the statements of a plan, object by object, with their hazards: the
/// planner decides what happens and in which order, this says how in SQL.
struct DDLWriter {
    let options: PlanOptions
    /// Tables of the old model that stay (not rebuilt): they may hold rows.
    let existingTables: Set<ObjectID>
    let before: ModelIndex
    let after: ModelIndex
    /// Tables of the new model in a dependency cycle with a function (a check calling a
    /// function over the table's row type): their checks stay out of CREATE TABLE.
    var tablesInFunctionCycles: Set<ObjectID> = []
    /// Checks of tables the plan creates that children staying in the plan hold inherited only
    /// (`Planner.checksAfterChildrenJoin`): added after the children join, not in CREATE TABLE.
    var checksAfterChildrenJoin: Set<ObjectID> = []
    /// Members the plan drops and creates again: a partition's index is not attached to a parent
    /// index that is among them (that one attaches its partitions' indexes when it is created).
    var rebuiltMembers: Set<ObjectID> = []
    /// Members of the old model the plan drops for good.
    var removedMembers: Set<ObjectID> = []
    /// Tables the plan creates whole (added, or dropped and made again).
    var createdWhole: Set<ObjectID> = []
    /// The indexes and keys new partitions get from their parents by themselves (`PartitionClones`).
    var clones = PartitionClones()
    /// Indexes of partitioned tables created on the whole tree in one statement
    /// (`PartitionIndexNames`), and the partitions' indexes that statement makes.
    var wholeTreeIndexes: Set<ObjectID> = []
    var madeByParentIndexes: Set<ObjectID> = []
    /// Materialized views of the new model made with data that read a table that existed
    /// (`Planner.fillsFromRows`): making one runs its query over that table's rows.
    var fillsFromRows: Set<ObjectID> = []
    /// Sequences set aside until a column's new sequence has taken over their position
    /// (`Planner.Work.serialSequencesAside`), by the new sequence's name: a serial's renamed
    /// aside, or a copy of an identity's.
    var serialSequencesAside: [QualifiedName: QualifiedName] = [:]
    /// Sequences that go with the table or column owning them, by that owner
    /// (`Planner.sequencesGoingWithOwners`): the owner's drop carries their hazard.
    var sequencesTakenBy: [ObjectID: [QualifiedName]] = [:]
    /// Default privileges undone and set again around an extension's script
    /// (`Planner.Work.defaultsAroundScripts`): only where the plan runs as their role.
    var defaultsAroundScripts: Set<ObjectID> = []

    private var guarded: Bool { options.idempotent }

    private func holdsRows(_ table: QualifiedName) -> Bool { existingTables.contains(ObjectID(.table, table)) }

    /// The lock hazard of an `ALTER TABLE` on `table`, when it may hold rows.
    func locking(_ table: QualifiedName) -> [Hazard] { holdsRows(table) ? [.accessExclusiveLock(table)] : [] }

    // MARK: Creating

    /// A top-level object of the new model, with what finishes it (its members come apart).
    func create(_ id: ObjectID) -> [Statement] {
        guard let object = after.object(id) else { return [] }
        switch object {
        case let .schema(schema): return TypeDDL.create(schema)
        case let .extension(value): return TypeDDL.create(value)
        case let .enum(type): return TypeDDL.create(type, guarded: guarded)
        case let .domain(domain): return TypeDDL.create(domain, guarded: guarded)
        case let .compositeType(type): return TypeDDL.create(type, guarded: guarded)
        case let .sequence(sequence): return TypeDDL.create(sequence)
        case let .table(table):
            // The primary key with its table: a view may group by it (functional dependency) and is created before the other members.
            let inherited = table.partitionOf != nil || !table.inherits.isEmpty
            let inline = inlined(table)
            return TableDDL.create(table, in: after, guarded: guarded, constraints: inline)
                + inline.flatMap { ConstraintDDL.comments($0, on: table.name) }
                + table.constraints.filter { $0.kind == .primaryKey && $0.incomplete != true && !inline.contains($0) }.flatMap { key in
                    clones.statements(for: ObjectID(.constraint, key.name, on: id), in: self)
                        ?? ConstraintDDL.add(key, on: table.name, guarded: guarded || inherited)
                }
        case let .view(view):
            var statements = ViewDDL.create(view, guarded: guarded)
            if fillsFromRows.contains(id) { statements[0].hazards.append(.fill(view.name)) }
            return statements
        case let .function(function): return FunctionDDL.create(function)
        case let .defined(value):
            let statements = DefinedObjectDDL.create(value, guarded: guarded)
            return defaultsAroundScripts.contains(id) ? statements.map { DefinedObjectDDL.asRole(value.owner, $0) } : statements
        case .column, .constraint, .index, .trigger, .policy: return []
        }
    }

    /// `CREATE TYPE name` with nothing more, for a base type whose input and output functions come next.
    func shell(_ id: ObjectID) -> [Statement] {
        guard case let .defined(type)? = after.object(id), let target = DefinedObjectDDL.target(type) else { return [] }
        let sql = "CREATE \(target)"
        return [Statement(guarded ? SQLWriting.ignoringDuplicate(sql) : sql)]
    }

    /// The members of a table or view created whole: constraints, indexes, triggers, policies.
    /// The constraints written inside a new table's CREATE TABLE, as pg_dump writes its
    /// checks: its primary key, unique and validated check constraints, for a table that
    /// neither inherits nor is a partition or typed (those take constraints from elsewhere).
    /// One ALTER TABLE a constraint made the consolidated file load 1.4–1.8× slower than
    /// pg_dump's output. A check stays apart when the table is in a cycle with a function (see `tablesInFunctionCycles`).
    func inlined(_ table: Table) -> [Constraint] {
        if table.partitionOf != nil { return keysAttachedAtCreation(table) }
        guard table.ofType == nil,
              table.inherits.isEmpty || TableDDL.joinsParentsLater(table, parents: table.inherits.compactMap { after.tables[$0] })
        else { return [] }
        let calls = tablesInFunctionCycles.contains(ObjectID(.table, table.name))
        // CREATE TABLE keeps one of two key constraints over the same columns and drops
        // the other without a word (transformIndexConstraints: `UNIQUE PRIMARY KEY` is one
        // index), so a second one over the key columns of an earlier is added apart.
        var keyColumns: Set<[String]> = []
        let keys = table.constraints.filter { $0.kind == .primaryKey } + table.constraints.filter { $0.kind == .unique }
        let keptKeys = keys.filter { keyColumns.insert($0.columns).inserted }
        return table.constraints.filter { constraint in
            switch constraint.kind {
            case .primaryKey, .unique: return keptKeys.contains(constraint) && constraint.incomplete != true
            case .check:
                return constraint.validated && !calls
                    && !checksAfterChildrenJoin.contains(ObjectID(.constraint, constraint.name, on: ObjectID(.table, table.name)))
            case .foreignKey, .exclusion, .notNull: return false
            }
        }
    }

    func members(of id: ObjectID, withoutInlined: Bool) -> [ObjectID] {
        switch after.object(id) {
        case let .table(table)?:
            let inline = withoutInlined ? inlined(table) : []
            let primaryKeys = withoutInlined ? table.constraints.filter { $0.kind == .primaryKey && $0.incomplete != true } : []
            return table.constraints.filter { !inline.contains($0) && !primaryKeys.contains($0) }.map { ObjectID(.constraint, $0.name, on: id) }
                + table.indexes.filter { !$0.invalid || table.kind == .partitioned }.map { ObjectID(.index, $0.name, on: id) }
                + table.triggers.map { ObjectID(.trigger, $0.name, on: id) } + table.policies.map { ObjectID(.policy, $0.name, on: id) }
        case let .view(view)?:
            return view.indexes.filter { !$0.invalid }.map { ObjectID(.index, $0.name, on: id) }
                + view.triggers.map { ObjectID(.trigger, $0.name, on: id) }
        default: return []
        }
    }

    /// `beforeJoining`: a member made before its table joins its parent (`Planner`'s
    /// `membersBeforeJoining`): not attached to the parent's (`ATTACH PARTITION` attaches it),
    /// and a check made though the target's table only inherits it (the join asks for it).
    func createMember(_ id: ObjectID, beforeJoining: Bool = false) -> [Statement] {
        guard let parent = id.parent, let member = after.member(id) else { return [] }
        if let copied = clones.statements(for: id, in: self) { return copied }
        let relation = ModelIndex.name(parent)
        let inherited = after.tables[relation].map { $0.partitionOf != nil || !$0.inherits.isEmpty } ?? false
        switch member {
        case let .constraint(constraint):
            // A check the table only inherits comes with its parent's (CREATE TABLE … INHERITS,
            // PARTITION OF, or the parent's ADD CONSTRAINT, which reaches it). Made on the child
            // first, it would be the child's own as well once the parent's merged with it
            // (PostgreSQL's regression suite: nv_parent's NOT VALID check, added after its children).
            if constraint.kind == .check, constraint.inheritedAndLocal != true, !beforeJoining,
               Self.inheritsCheck(named: constraint.name, table: relation, in: after) { return [] }
            // A foreign key a partition keeps from its parent when it leaves it is there already.
            if isKeptClone(constraint, on: relation) { return [] }
            // The server refuses a NOT VALID foreign key on a partitioned table (before 18): added
            // valid; and builds no index of one concurrently: a key or unique constraint is added whole.
            let partitioned = after.tables[relation]?.kind == .partitioned
            let online = options.online && holdsRows(relation) && !(partitioned && constraint.kind != .check)
            // A partitioned table's key as pg_dump adds it, where its partitions' keys are named:
            // on the table alone, then each partition's attached (the server would attach one it
            // finds matching, or build one under its own name).
            let only = partitioned && constraint.hasIndex && (constraint.incomplete == true || attachesEveryPartition(constraint.name, on: relation))
            // A key of a partition that stays where it was is not made by anything else: its
            // parent's key is added ONLY, after it; so online its index is built concurrently too.
            // (A copy made at the partition's creation is `PartitionClones`'; one attached, or
            // attached again, under a parent that has the key gets a copy from `ATTACH PARTITION`.)
            let ownKey = constraint.hasIndex && holdsRows(relation) && after.tables[relation].map { partition in
                guard let parent = partition.partitionOf, let old = before.tables[relation] else { return false }
                return old.partitionOf == parent && old.partitionBound == partition.partitionBound
                    && !createdWhole.contains(ObjectID(.table, parent))
            } ?? false
            var statements = ConstraintDDL.add(constraint, on: relation, guarded: guarded || inherited && !ownKey, online: online, only: only)
            if holdsRows(relation), statements[0].outsideTransaction {
                // Its index built concurrently, then taken by the constraint under a short lock.
                statements[0].hazards = [.indexBuild(relation)]
                statements[1].hazards = [.accessExclusiveLock(relation)]
            } else if holdsRows(relation) {
                let hazards: [Hazard] = constraint.kind == .check || constraint.kind == .foreignKey
                    ? (constraint.validated && !options.online ? [.validation(relation)] : [])
                    : constraint.kind == .notNull ? [] : [.indexBuild(relation)]
                statements[0].hazards = hazards + (constraint.kind == .foreignKey ? [] : [.accessExclusiveLock(relation)])
                if statements.count > 1, statements[1].sql.contains(" VALIDATE CONSTRAINT ") { statements[1].hazards = [.validation(relation)] }
            }
            // Added to a new parent after its children joined: their rows are checked.
            if checksAfterChildrenJoin.contains(id), constraint.validated {
                statements[0].hazards += after.descendants(of: relation).filter(holdsRows).map { .validation($0) }
            }
            return childrensOwnChecksDropped(constraint, on: relation) + statements + validatingCopies(of: constraint, on: relation)
                + (only ? attachingPartitions(to: constraint.name, on: relation) : [])
                + (!beforeJoining ? attachingToParent(constraint.name, attachedTo: constraint.attachedTo, on: relation) : [])
        case let .index(index):
            // An invalid index is a failed concurrent build, not created again; but a partitioned
            // table's is one created ON ONLY that not every partition's index is attached to yet.
            let partitioned = after.tables[relation]?.kind == .partitioned
            guard !index.invalid || partitioned, !madeByParentIndexes.contains(id) else { return [] }
            let concurrently = options.online && holdsRows(relation) && !partitioned
            let only = !wholeTreeIndexes.contains(id) && (attachesEveryPartition(index.name, on: relation) || index.invalid)
            var statements = IndexDDL.create(index, on: relation, guarded: guarded || inherited, concurrently: concurrently, only: only,
                                             partitioned: partitioned)
            // ON ONLY builds nothing: the partitions' indexes are attached after. A materialized
            // view the plan fills from rows holds them by the time its index is built (not built
            // CONCURRENTLY: no query can read the view before the plan commits).
            if (holdsRows(relation) || fillsFromRows.contains(ObjectID(.materializedView, relation))) && !only {
                statements[0].hazards = [.indexBuild(relation)]
            }
            return statements + (only ? attachingPartitions(to: index.name, on: relation) : [])
                + (!beforeJoining ? attachingToParent(index.name, attachedTo: index.attachedTo, on: relation) : [])
        case let .trigger(trigger): return TriggerDDL.create(trigger, on: relation, guarded: guarded)
        case let .policy(policy): return PolicyDDL.create(policy, on: relation, guarded: guarded)
        case .schema, .extension, .enum, .domain, .compositeType, .sequence, .table, .column, .view, .function, .defined: return []
        }
    }

    /// A check (or 18's NOT NULL) added `NOT VALID` to a parent reaches its partitions and children `NOT VALID` too;
    /// the copies the target holds validated (a partition made after the parent's check was
    /// added gets it valid) are validated on their own table.
    private func validatingCopies(of constraint: Constraint, on relation: QualifiedName) -> [Statement] {
        guard constraint.kind == .check || constraint.kind == .notNull, !constraint.validated else { return [] }
        return after.descendants(of: relation).flatMap { child -> [Statement] in
            guard let table = after.tables[child] else { return [] }
            let validate = "ALTER TABLE \(child.sql) VALIDATE CONSTRAINT \(SQLWriting.ident(constraint.name))"
            guard constraint.kind == .notNull else {
                guard table.constraints.first(where: { $0.name == constraint.name && $0.kind == .check })?.validated == true else { return [] }
                return [Statement(validate, hazards: holdsRows(child) ? [.validation(child)] : [])]
            }
            // 18: a valid copy of a NOT VALID NOT NULL is its column's (`TableDDL.validatesParentsNotNull`),
            // on a table the plan makes or one that stays (`validatesNewParentsNotNull`): its column's
            // SET NOT NULL would make it its own, under its own name.
            guard let column = table.column(constraint.columns.first ?? ""),
                  TableDDL.validatesParentsNotNull(column, parents: table.parents.compactMap { after.tables[$0] }) else { return [] }
            // A child of two parents may hold its NOT NULL under the other's name, made valid
            // with the child (the other's was there first): nothing to validate then.
            return [Statement(SQLWriting.onlyWhere("""
                EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = \(SQLWriting.regclass(child)) \
                AND conname = \(SQLWriting.literal(constraint.name)) AND NOT convalidated)
                """, [validate]) + ";", hazards: holdsRows(child) ? [.validation(child)] : [])] + TableDDL.notNullComment(column, of: table, after.tables)
        }
    }

    /// An index or key of a partitioned table whose every partition has its index or key attached
    /// is created as pg_dump creates it: `ON ONLY` the table, then each partition's attached by name.
    /// Created on the whole table, the server would attach a matching index of each partition by
    /// itself, and pick one where a partition has two. Not where a partition is a foreign table:
    /// it has no index to attach, so an index `ON ONLY` the table would stay invalid; created on
    /// the whole table, the server passes the foreign partition by.
    private func attachesEveryPartition(_ name: String, on relation: QualifiedName) -> Bool {
        guard after.tables[relation]?.kind == .partitioned, !after.hasForeignPartition(relation) else { return false }
        let partitions = after.partitions(of: relation)
        return !partitions.isEmpty && partitions.allSatisfy { Self.attached(to: name, in: $0) != nil }
    }

    /// The index or key of `partition` attached to its parent's index or key `parent`.
    static func attached(to parent: String, in partition: Table) -> String? {
        partition.indexes.first { $0.attachedTo == parent }?.name ?? partition.constraints.first { $0.attachedTo == parent }?.name
    }

    /// What a partition's index or key may be attached to: the parent's index or key `name`, by
    /// kind and definition (equal on both sides: the same one).
    static func attachable(_ name: String, of table: Table) -> String? {
        if let index = table.index(name) { return "index " + index.definition }
        return table.constraints.first { $0.name == name && $0.hasIndex }.map { "key " + $0.definition }
    }

    /// Whether the parent's index or key `name` is there before the plan and stays.
    func stays(_ name: String, onParent parentTable: QualifiedName) -> Bool {
        guard let existing = before.tables[parentTable].flatMap({ Self.attachable(name, of: $0) }),
              existing == after.tables[parentTable].flatMap({ Self.attachable(name, of: $0) }) else { return false }
        let table = ObjectID(.table, parentTable)
        return !createdWhole.contains(table)
            && ![ObjectID(.index, name, on: table), ObjectID(.constraint, name, on: table)].contains { rebuiltMembers.contains($0) || removedMembers.contains($0) }
    }

    /// A new partition's keys attached to a parent's plain index that is there when the partition
    /// is created. `PARTITION OF` would give it a plain copy of that index first: such a partition
    /// is created as a table of its own with these keys, then attached, which takes them (as
    /// pg_dump writes partitions). A key attached to the parent's key is the server's copy
    /// (`PartitionClones`, renamed where the target names it otherwise).
    func keysAttachedAtCreation(_ table: Table) -> [Constraint] {
        guard let parentTable = table.partitionOf, let parent = after.tables[parentTable],
              !parent.columns.contains(where: { $0.identity != nil }) else { return [] }
        let parentCreated = createdWhole.contains(ObjectID(.table, parentTable))
        // A parent made by the plan has its primary key and inlined keys from its CREATE TABLE.
        let withParent = parentCreated ? Set((parent.constraints.filter { $0.kind == .primaryKey && $0.incomplete != true } + inlined(parent)).map(\.name)) : []
        let keys = table.constraints.filter { key in
            guard key.hasIndex, let target = key.attachedTo else { return false }
            return parentCreated ? withParent.contains(target) : stays(target, onParent: parentTable)
        }
        // Only where a copy would not be this key: one of a plain index, or of another kind of key.
        let differs = keys.contains { key in
            parent.constraints.first { $0.name == key.attachedTo && $0.hasIndex }?.kind != key.kind
        }
        return differs ? keys : []
    }

    private func attach(_ parent: String, on parentTable: QualifiedName, _ child: String, on childTable: QualifiedName) -> Statement {
        Statement("ALTER INDEX \(QualifiedName(schema: parentTable.schema, name: parent).sql) ATTACH PARTITION "
                  + QualifiedName(schema: childTable.schema, name: child).sql)
    }

    /// `ALTER INDEX … ATTACH PARTITION` of the partitions' indexes and keys attached to the index
    /// or key `name` in the new model (attaching a pair again changes nothing, so those the server
    /// attached by itself may be named too).
    func attachingPartitions(to name: String, on relation: QualifiedName) -> [Statement] {
        guard after.tables[relation]?.kind == .partitioned else { return [] }
        return after.partitions(of: relation).compactMap { partition in
            Self.attached(to: name, in: partition).map { attach(name, on: relation, $0, on: partition.name) }
        }
    }

    /// A partition's index or key `name` attached to its parent table's index or key, when that one
    /// is there already and stays (one created by the plan attaches its partitions' itself; the
    /// planner rebuilds an index whose definition changes). A parent's `ON ONLY` index or `ONLY`
    /// key becomes valid when its last partition's is attached here.
    func attachingToParent(_ name: String, attachedTo parent: String?, on relation: QualifiedName) -> [Statement] {
        guard let parent, let parentTable = after.tables[relation]?.partitionOf, stays(parent, onParent: parentTable) else { return [] }
        return [attach(parent, on: parentTable, name, on: relation)]
    }

    /// Comments, validation and trigger states of members that stay.
    func alterMember(_ change: SchemaChange) -> [Statement] {
        guard let parent = change.id.parent else { return [] }
        let relation = ModelIndex.name(parent)
        let names = Set(change.properties.map(\.name))
        var statements: [Statement] = []
        switch change.new {
        case let .constraint(constraint)?:
            // Declared by the child where it was inherited only: merged. Where it was the child's own, the
            // parent's new check merges with it (`Planner.localnessFollows`).
            if names.contains("inherited and declared locally"), constraint.inheritedAndLocal == true,
               Self.inheritsCheck(named: constraint.name, table: relation, in: before) {
                statements.append(Statement("ALTER TABLE \(relation.sql) ADD CONSTRAINT \(SQLWriting.ident(constraint.name)) \(constraint.definition)",
                                            hazards: holdsRows(relation) ? [.validation(relation), .accessExclusiveLock(relation)] : []))
            }
            if case let .constraint(old)? = change.old, !old.validated, constraint.validated {
                statements.append(Statement("ALTER TABLE \(relation.sql) VALIDATE CONSTRAINT \(SQLWriting.ident(constraint.name))",
                                            hazards: [.validation(relation)]))
            }
            if names.contains("definition"), constraint.hasIndex, case let .constraint(old)? = change.old {
                // Its index's storage parameters alone (`Planner.onlyStorageParameters`).
                statements += IndexStorage.alter(index: QualifiedName(schema: relation.schema, name: constraint.name),
                                                 from: old.definition, to: constraint.definition)
            }
            statements += ConstraintDDL.comments(constraint, on: relation, changed: names)
            // A partition's key attached to its parent's (which then becomes valid when it was the last).
            if names.contains("attached to") {
                statements += attachingToParent(constraint.name, attachedTo: constraint.attachedTo, on: relation)
            }
        case let .index(index)?:
            if names.contains("definition"), case let .index(old)? = change.old {
                statements += IndexStorage.alter(index: QualifiedName(schema: relation.schema, name: index.name),
                                                 from: old.definition, to: index.definition)
            }
            if names.contains("statistics"), case let .index(old)? = change.old {
                statements += IndexDDL.statistics(of: index.name, on: relation, from: old.statisticsTargets, to: index.statisticsTargets)
                statements += statisticsOfAttached(to: index, on: relation, from: old.statisticsTargets)
            }
            if names.contains("comment") {
                statements.append(IndexDDL.comment(on: index.name, of: relation, index.comment))
            }
            if names.contains("attached to") { statements += attachingToParent(index.name, attachedTo: index.attachedTo, on: relation) }
        case let .trigger(trigger)?:
            if names.contains("enabled") { statements += TriggerDDL.state(trigger, on: relation) }
            if names.contains("comment") {
                statements.append(SQLWriting.comment(on: "TRIGGER \(SQLWriting.ident(trigger.name)) ON \(relation.sql)", trigger.comment))
            }
        case let .policy(policy)?:
            statements.append(SQLWriting.comment(on: "POLICY \(SQLWriting.ident(policy.name)) ON \(relation.sql)", policy.comment))
        default: break
        }
        return statements
    }

    /// A partitioned table's index whose statistics targets change reaches the indexes attached
    /// to it, at every level (`ALTER INDEX` recurses): each there before whose own target for a
    /// column it set is not the parent's is set to its own again after.
    private func statisticsOfAttached(to index: Index, on relation: QualifiedName, from old: [IndexStatisticsTarget]?) -> [Statement] {
        let columns = IndexStatisticsTarget.columnsChanged(from: old, to: index.statisticsTargets)
        var statements: [Statement] = []
        func correct(attachedTo parent: String, on table: QualifiedName) {
            for partition in after.partitions(of: table) {
                guard let own = partition.indexes.first(where: { $0.attachedTo == parent }),
                      before.tables[partition.name]?.index(own.name)?.attachedTo == parent else { continue }
                let name = QualifiedName(schema: partition.name.schema, name: own.name)
                for column in columns {
                    let own = IndexStatisticsTarget.target(of: column, in: own.statisticsTargets)
                    guard own != IndexStatisticsTarget.target(of: column, in: index.statisticsTargets) else { continue }
                    statements.append(IndexDDL.setStatistics(of: name, IndexStatisticsTarget(column: column, target: own)))
                }
                correct(attachedTo: own.name, on: partition.name)
            }
        }
        correct(attachedTo: index.name, on: relation)
        return statements
    }

    // MARK: Dropping

    /// A top-level object of the old model.
    func drop(_ id: ObjectID, before: ModelIndex) -> [Statement] {
        guard let object = before.object(id) else { return [] }
        switch object {
        case let .schema(schema):
            let drop = Statement("DROP SCHEMA IF EXISTS \(SQLWriting.ident(schema.name))")
            // An operator's COMMUTATOR or NEGATOR that was never defined is left a shell: no
            // model holds it (pg_dump leaves it out), dropping the operator leaves it behind,
            // and it would keep its schema from being dropped.
            let namesOthers = before.model.definedObjects.contains {
                $0.kind == .operator && ($0.definition.contains("COMMUTATOR = ") || $0.definition.contains("NEGATOR = "))
            }
            guard namesOthers else { return [drop] }
            let shells = """
                DO $schemactl$ DECLARE shell pg_catalog.regoperator; BEGIN
                  FOR shell IN SELECT o.oid FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                               WHERE n.nspname = \(SQLWriting.literal(schema.name)) AND o.oprcode = 0 LOOP
                    EXECUTE 'DROP OPERATOR ' || shell::pg_catalog.text;
                  END LOOP;
                END $schemactl$
                """
            return [Statement(shells), drop]
        case let .extension(value):
            return [Statement("DROP EXTENSION IF EXISTS \(SQLWriting.ident(value.name))")]
        case let .enum(type): return [Statement("DROP TYPE IF EXISTS \(type.name.sql)")]
        case let .domain(domain): return [Statement("DROP DOMAIN IF EXISTS \(domain.name.sql)")]
        case let .compositeType(type): return [Statement("DROP TYPE IF EXISTS \(type.name.sql)")]
        case let .sequence(sequence):
            return [Statement("DROP SEQUENCE IF EXISTS \(sequence.name.sql)", hazards: [Self.sequenceLost(sequence.name)])]
        case let .table(table):
            // A partitioned table's rows are its partitions': those that stay are detached first.
            let keepsRows = table.partitionKey != nil
                && !before.model.tables.contains { $0.partitionOf == table.name && after.tables[$0.name] == nil }
            let drop = Statement("DROP TABLE IF EXISTS \(table.name.sql)",
                                 hazards: (keepsRows ? [] : [.dataLoss("table \(table.name.sql) and its rows")]) + sequencesGoing(with: id))
            // A partition of a tree another table's foreign key references holds that key's clone:
            // the server refuses its drop ("other objects depend on it") until it is detached.
            guard let parent = table.partitionOf, treeIsReferenced(from: parent) else { return [drop] }
            return [Statement("ALTER TABLE \(parent.sql) DETACH PARTITION \(table.name.sql)", hazards: locking(parent)), drop]
        case let .view(view):
            return [ViewDDL.drop(view)]
        case let .function(function): return [FunctionDDL.drop(function)]
        case let .defined(value):
            let statement = DefinedObjectDDL.drop(value)
            return [defaultsAroundScripts.contains(id) ? DefinedObjectDDL.asRole(value.owner, statement) : statement]
        case .column, .constraint, .index, .trigger, .policy: return []
        }
    }

    /// Whether a foreign key of the old model references `table` or a partitioned table above it.
    private func treeIsReferenced(from table: QualifiedName) -> Bool {
        var current: QualifiedName? = table
        var tree: Set<QualifiedName> = []
        while let name = current, tree.insert(name).inserted { current = before.tables[name]?.partitionOf }
        return before.model.tables.contains { referencing in
            referencing.constraints.contains { $0.foreignKey.map { tree.contains($0.referencedTable) } ?? false }
        }
    }

    static func sequenceLost(_ name: QualifiedName) -> Hazard {
        .dataLoss("sequence \(name.sql) and its current value")
    }

    /// The hazards of the sequences that `owner`'s drop (a table's or a column's) takes with it.
    func sequencesGoing(with owner: ObjectID) -> [Hazard] {
        (sequencesTakenBy[owner] ?? []).map(Self.sequenceLost)
    }

    /// Where a parent's column goes (`ONLY`) and children keep it, and not-null constraints are
    /// catalogued (18 on): the server leaves each child's copy of the parent's constraint marked
    /// inherited, from a parent that no longer has the column, and nothing can drop it then
    /// ("cannot drop inherited constraint"). So the parent's NOT NULL goes first, down the tree,
    /// and each child that keeps the column NOT NULL sets it again as its own after the drop.
    func notNullsAroundParentsDrop(_ columns: [ObjectID]) -> (before: [Statement], after: [Statement]) {
        // Any major where it is not known: the detour holds on every one.
        guard options.serverMajor.map({ $0 >= 18 }) ?? true else { return ([], []) }
        var first: [Statement] = [], then: [Statement] = []
        for id in columns {
            guard let table = id.parent, case let .column(column)? = before.member(id), column.notNull else { continue }
            let relation = ModelIndex.name(table)
            let keeping = childrenKeeping(column.name, of: relation)
            guard !keeping.isEmpty else { continue }
            let name = SQLWriting.ident(column.name)
            first.append(Statement("ALTER TABLE \(relation.sql) ALTER COLUMN \(name) DROP NOT NULL", hazards: [.accessExclusiveLock(relation)]))
            for child in keeping where after.tables[child.name]?.column(column.name)?.notNull == true {
                then.append(Statement("ALTER TABLE \(child.name.sql) ALTER COLUMN \(name) SET NOT NULL",
                                      hazards: [.validation(child.name), .accessExclusiveLock(child.name)]))
            }
        }
        return (first, then)
    }

    /// The children of `parent` that the target still gives `column`: a drop of the parent's is `ONLY`.
    private func childrenKeeping(_ column: String, of parent: QualifiedName) -> [Table] {
        before.children(of: parent).filter { after.tables[$0.name]?.column(column) != nil }
    }

    /// A materialized view refreshed because its query reads what the plan changes
    /// (`Work.recomputed`); online, `CONCURRENTLY` over a unique index the plan does not make again.
    func refresh(_ id: ObjectID) -> Statement {
        guard let view = after.views[ModelIndex.name(id)] else { return Statement("SELECT 1") }
        let concurrently = options.online && view.indexes.contains { index in
            !rebuiltMembers.contains(ObjectID(.index, index.name, on: id)) && ViewDDL.refreshesConcurrently(over: index)
        }
        return ViewDDL.refresh(view, concurrently: concurrently)
    }

    func dropMember(_ id: ObjectID, before: ModelIndex) -> Statement {
        guard let parent = id.parent, let member = before.member(id) else { return Statement("SELECT 1") }
        let relation = ModelIndex.name(parent)
        switch member {
        case let .column(column):
            // ONLY where a child that inherits the column keeps it: it keeps it as its own (one that
            // loses it too has its own drop in the plan). Where every child loses it, the drop
            // recurses: alone, it would drop a sequence the column owns under the children's
            // defaults that read it ("other objects depend on it").
            let hasChildren = !childrenKeeping(column.name, of: relation).isEmpty
            return Statement("ALTER TABLE \(hasChildren ? "ONLY " : "")\(relation.sql) DROP COLUMN IF EXISTS \(SQLWriting.ident(column.name))",
                             hazards: [.dataLoss("column \(id.sql) and its values")] + sequencesGoing(with: id) + [.accessExclusiveLock(relation)])
        case let .constraint(constraint):
            // ONLY where an inheritance child that has the check keeps it as its own, its parent's
            // gone: the server leaves the child's copy as its own (recursing, it drops a copy the
            // child does not declare too). One that loses it too has its own drop in the plan; a
            // check the parent gets again reaches the children again. A partitioned table's checks
            // go from the whole tree: the server drops no part of them alone.
            let kept = constraint.kind == .check && before.tables[relation]?.kind != .partitioned
                && before.children(of: relation).contains { child in
                    after.tables[child.name]?.constraint(constraint.name)?.kind == .check && child.constraint(constraint.name) != nil
                        && !Self.inheritsCheck(named: constraint.name, table: child.name, in: after)
                }
            var statement = ConstraintDDL.drop(constraint, on: relation, only: kept)
            statement.hazards = locking(relation)
            return statement
        case let .index(index):
            // Online, without the lock that waits for every query on the table and holds back the
            // next ones; not an index attached to a partitioned table's, which goes with that one.
            let concurrently = options.online && holdsRows(relation) && index.attachedTo == nil
                && before.tables[relation].map { $0.kind != .partitioned } ?? false
            // A partition's key attached to it can go only with it (the key's own drop is refused
            // while its index is attached): CASCADE takes those keys, which the plan makes again
            // where they stay, with the foreign keys over them (dropped before, as over any key made again).
            let holdsKeys = before.partitions(of: relation).contains { $0.constraints.contains { $0.attachedTo == index.name } }
            return IndexDDL.drop(index, on: relation, concurrently: concurrently, cascade: holdsKeys)
        case let .trigger(trigger): return TriggerDDL.drop(trigger, on: relation)
        case let .policy(policy): return PolicyDDL.drop(policy, on: relation)
        case .schema, .extension, .enum, .domain, .compositeType, .sequence, .table, .view, .function, .defined:
            return Statement("SELECT 1")
        }
    }

    // MARK: Changing in place

    /// Enum values added where the old labels keep their order: `ADD VALUE … BEFORE/AFTER`.
    func addedEnumValues(_ change: SchemaChange) -> [Statement] {
        guard case let .enum(oldType)? = change.old, case let .enum(newType)? = change.new else { return [] }
        var present = oldType.labels
        var statements: [Statement] = []
        let outside = (options.serverMajor ?? 12) < 12
        for (position, label) in newType.labels.enumerated() where !present.contains(label) {
            // Placed after the nearest earlier label that exists, else before the next one.
            let earlier = newType.labels[..<position].last { present.contains($0) }
            let later = newType.labels[(position + 1)...].first { present.contains($0) }
            var sql = "ALTER TYPE \(newType.name.sql) ADD VALUE IF NOT EXISTS \(SQLWriting.literal(label))"
            if let earlier { sql += " AFTER \(SQLWriting.literal(earlier))" } else if let later { sql += " BEFORE \(SQLWriting.literal(later))" }
            statements.append(Statement(sql, outsideTransaction: outside))
            if let earlier, let index = present.firstIndex(of: earlier) {
                present.insert(label, at: index + 1)
            } else if let later, let index = present.firstIndex(of: later) {
                present.insert(label, at: index)
            } else {
                present.append(label)
            }
        }
        return statements
    }

    /// An enum that loses or reorders values: renamed aside, created anew, its
    /// columns moved over through text, the old one dropped.
    func rebuildEnum(_ change: SchemaChange, work: Planner.Work) -> [Statement] {
        guard case let .enum(oldType)? = change.old, case let .enum(newType)? = change.new else { return [] }
        let aside = Self.aside(oldType.name)
        let lost = oldType.labels.filter { !newType.labels.contains($0) }
        let statements = [Statement("ALTER TYPE \(oldType.name.sql) RENAME TO \(SQLWriting.ident(aside.name))")]
            + TypeDDL.create(newType, guarded: false)
        return statements + movingColumns(of: oldType.name) { column, value in
            let isArray = column.type.hasSuffix("[]")
            let using = "\(value)::text\(isArray ? "[]" : "")::\(newType.name.sql)\(isArray ? "[]" : "")"
            return (using, lost.isEmpty ? nil : "values \(lost.map(SQLWriting.literal).joined(separator: ", ")) fail the cast")
        }
    }

    /// The columns of tables that stay, in the old model and the new, that `moves` picks and that
    /// are their own: a partition's or child's column moves with its parent's (ALTER TABLE
    /// recurses; the server refuses it on the child itself). A typed table's go with its type,
    /// and a table created again has the new type from its CREATE TABLE.
    private func columnsMoving(_ moves: (Column) -> Bool) -> [(table: QualifiedName, old: Column, new: Column)] {
        before.model.tables.filter { $0.ofType == nil && holdsRows($0.name) }.flatMap { table in
            table.columns.compactMap { column in
                guard moves(column), !inheritsColumn(column.name, of: table), let new = after.tables[table.name]?.column(column.name)
                else { return nil }
                return (table.name, column, new)
            }
        }
    }

    /// The columns of tables that stay whose type is `type` (or an array of it), moved to the type
    /// of that name the plan has just created: each default dropped, the type changed `USING` what
    /// `cast` writes for the column and its quoted name (with what the cast may lose), the new default set.
    /// `parked`: the columns were changed to text (`parkColumns`), their defaults dropped then.
    /// A column that leaves the type in the target (`positive` to `integer`) is not moved: its
    /// own type change takes it from the old type straight to its new one, one rewrite, and
    /// the server refuses two type changes of a column joined in one statement.
    private func movingColumns(of type: QualifiedName, to newType: QualifiedName? = nil, parked: Bool = false,
                               _ cast: (Column, String) -> (using: String, loss: String?)) -> [Statement] {
        columnsMoving { Planner.uses($0.type, type) }.flatMap { table, column, new -> [Statement] in
            // A parked column that leaves the type (a multirange column that becomes a range) is
            // moved back to its old type's new version only: its own change takes it on, and sets
            // the default of its new type.
            let stays = Planner.uses(new.type, newType ?? type)
            guard stays || parked else { return [] }
            var statements: [Statement] = []
            let alter = "ALTER TABLE \(table.sql) ALTER COLUMN \(SQLWriting.ident(column.name))"
            let target = (newType ?? type).sql + (column.type.hasSuffix("[]") ? "[]" : "")
            if column.defaultExpression != nil && !parked { statements.append(Statement("\(alter) DROP DEFAULT", hazards: locking(table))) }
            let (using, loss) = cast(column, SQLWriting.ident(column.name))
            let id = ObjectID(.column, column.name, on: ObjectID(.table, table))
            statements.append(Statement("\(alter) TYPE \(target) USING \(using)",
                                        hazards: (loss.map { [.dataLoss("\(id.sql): " + $0)] } ?? []) + [.tableRewrite(table)] + locking(table)))
            if !stays { return statements }
            // The drop reached the children and partitions, which move with it: the parent's
            // default is its own (ONLY), and each of theirs is set again.
            if let value = new.defaultExpression { statements.append(Statement("\(alterColumnHead(table, column.name)) SET DEFAULT \(value)")) }
            return statements + descendantsDefaults(under: table, column: column.name)
        }
    }

    /// Each default of `column` that the children and partitions under `parent` (at any depth)
    /// hold in the target, set on each alone: after the parent's `DROP DEFAULT` took theirs.
    private func descendantsDefaults(under parent: QualifiedName, column: String) -> [Statement] {
        after.descendants(of: parent).compactMap { name in
            guard before.tables[name] != nil, let value = after.tables[name]?.column(column)?.defaultExpression else { return nil }
            return Statement("\(alterColumnHead(name, column)) SET DEFAULT \(value)", hazards: locking(name))
        }
    }

    /// The name a rebuilt enum or domain is renamed to while its columns move to the new one.
    static func aside(_ name: QualifiedName) -> QualifiedName {
        QualifiedName(schema: name.schema, name: SQLWriting.derivedName(name.name, suffix: "__schemactl_old"))
    }

    /// A collation whose definition changes under columns that use it (`Planner.Work.collationRebuilds`):
    /// renamed aside, created anew, its columns moved to the new one (which rebuilds their
    /// indexes); the old one goes last (`dropAside`).
    func rebuildCollation(_ id: ObjectID, work: Planner.Work) -> [Statement] {
        let name = ModelIndex.name(id)
        guard case let .defined(collation)? = after.object(id) else { return [] }
        let uses = { (collation: String?) in collation.map { Planner.uses($0, name) } == true }
        return [Statement("ALTER COLLATION \(name.sql) RENAME TO \(SQLWriting.ident(Self.aside(name).name))")]
            + DefinedObjectDDL.create(collation, guarded: false)
            + columnsMoving { uses($0.collation) }.filter { uses($0.new.collation) }.map { table, column, new in
                Statement("ALTER TABLE \(table.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) TYPE \(new.type) COLLATE \(name.sql)",
                          hazards: [.tableRewrite(table)] + locking(table))
            }
    }

    /// A domain whose base type changes under columns that use it (`Planner.Work.domainRebuilds`):
    /// renamed aside, created anew, its columns cast over through text; the old one goes last (`dropAside`).
    func rebuildDomain(_ id: ObjectID, work: Planner.Work) -> [Statement] {
        let name = ModelIndex.name(id)
        guard var domain = after.model.domains.first(where: { $0.name == name }) else { return [] }
        // The old domain, aside, keeps its NOT NULL's name: from 17 the server would give the new
        // one another (`d_not_null1`). Named as the server names it, which it takes (names are per domain).
        if domain.notNull { domain.notNullName = TypeDDL.notNullName(of: domain) }
        return [Statement("ALTER DOMAIN \(name.sql) RENAME TO \(SQLWriting.ident(Self.aside(name).name))")]
            + TypeDDL.create(domain, guarded: false)
            + movingColumns(of: name) { column, value in
                let isArray = column.type.hasSuffix("[]")
                return ("\(value)::text\(isArray ? "[]" : "")::\(name.sql)\(isArray ? "[]" : "")", "values that do not fit \(domain.baseType) fail the cast")
            }
    }

    /// The columns of `types` (tables that stay, the type kept by name) changed to text before
    /// the type is dropped, so that a type of that name can be created anew: a range type whose
    /// definition changes (`Planner.Work.rangeRebuilds`), or a type replaced by another kind of
    /// the same name (`Planner.Work.replacedTypes`). A range cannot be renamed aside as an enum
    /// is: its constructor functions, and its multirange's, keep their names (the new
    /// multirange's constructor of no argument would clash) and belong to the bootstrap
    /// superuser, so only a superuser could rename them.
    func parkColumns(holding types: [QualifiedName]) -> [Statement] {
        park(holding: types) { column, value in
            let text = column.type.hasSuffix("[]") ? "text[]" : "text"
            return (text, "\(value)::\(text)")
        }
    }

    /// The columns of tables that stay holding one of `types` changed to the type `into` gives
    /// for each (with the USING of its quoted name), their defaults dropped first: the parking of
    /// `parkColumns` and `parkRowTypeColumns`.
    private func park(holding types: [QualifiedName], into: (Column, String) -> (type: String, using: String)) -> [Statement] {
        types.flatMap { type in
            columnsMoving { Planner.uses($0.type, type) }.flatMap { table, column, _ -> [Statement] in
                let alter = "ALTER TABLE \(table.sql) ALTER COLUMN \(SQLWriting.ident(column.name))"
                let (target, using) = into(column, SQLWriting.ident(column.name))
                return (column.defaultExpression != nil ? [Statement("\(alter) DROP DEFAULT", hazards: locking(table))] : [])
                    + [Statement("\(alter) TYPE \(target) USING \(using)", hazards: [.tableRewrite(table)] + locking(table))]
            }
        }
    }

    /// The columns `parkColumns` changed to text, moved to the type of that name created anew
    /// (`targets`, one for each of `types`: a range's multirange may take another name).
    func unparkColumns(of types: [QualifiedName], to targets: [QualifiedName]) -> [Statement] {
        zip(types, targets).flatMap { type, target in
            movingColumns(of: type, to: target, parked: true) { column, value in
                (column.type.hasSuffix("[]") ? "\(value)::\(target.sql)[]" : "\(value)::\(target.sql)",
                 "values of the old type that do not read as the new one fail the cast")
            }
        }
    }

    /// The columns that hold a table's row type the plan rewrites or makes again, itself or
    /// in a composite type or a domain (`Planner.Work.rowTypeParks`), changed to `jsonb`
    /// before: each value an object keyed by attribute name (an array of them for an array),
    /// which the table's new shape reads back by name (`unparkRowTypeColumns`). Through text,
    /// a record of the old shape does not read as one with a column added or dropped.
    func parkRowTypeColumns(holding types: [QualifiedName]) -> [Statement] {
        park(holding: types) { _, value in ("jsonb", "pg_catalog.to_jsonb(\(value))") }
    }

    /// The columns `parkRowTypeColumns` changed to `jsonb`, read back into the types of those
    /// names (`jsonb_populate_record`, by attribute name: an attribute the new shape lacks is
    /// left out, a new one is NULL, each value read as its new type), defaults set again. An
    /// array through a temporary type holding one (no subquery over its elements is allowed in
    /// a USING); a domain's values through the composite type it is over (`NULL::domain` would
    /// fail the domain's checks).
    func unparkRowTypeColumns(of types: [QualifiedName]) -> [Statement] {
        types.flatMap { type -> [Statement] in
            let holder = QualifiedName(schema: "pg_temp", name: SQLWriting.derivedName(type.name, suffix: "__schemactl_items"))
            let arrays = columnsMoving { Planner.uses($0.type, type) && $0.type.hasSuffix("[]") }.isEmpty == false
            let base = domainBase(type.sql, in: after)
            return (arrays ? [Statement("CREATE TYPE \(holder.sql) AS (v \(type.sql)[])")] : [])
                + movingColumns(of: type, parked: true) { column, value in
                    let loss = "values whose attributes do not read as their new types fail the cast"
                    if column.type.hasSuffix("[]") {
                        return ("(pg_catalog.jsonb_populate_record(NULL::\(holder.sql), pg_catalog.jsonb_build_object('v', \(value)))).v", loss)
                    }
                    return ("CASE WHEN \(value) IS NULL THEN NULL ELSE pg_catalog.jsonb_populate_record(NULL::\(base), \(value)) END", loss)
                }
                + (arrays ? [Statement("DROP TYPE \(holder.sql)")] : [])
        }
    }

    /// A type's name, and a range type's multirange's after it, in `model`.
    static func rangeTypes(_ id: ObjectID, in model: ModelIndex) -> [QualifiedName] {
        guard case let .defined(range)? = model.object(id) else { return [ModelIndex.name(id)] }
        return [ModelIndex.name(id)] + (range.multirangeType.map { [$0] } ?? [])
    }

    /// A composite type whose attribute changes type, or whose attributes change order, under
    /// columns that hold it (`Planner.Work.compositeRebuilds`): renamed aside, created anew, each
    /// column's values rebuilt attribute by attribute, by name (an array's through text or JSON:
    /// a subquery is not allowed there).
    func rebuildComposite(_ id: ObjectID, work: Planner.Work) -> [Statement] {
        let name = ModelIndex.name(id)
        guard let old = before.model.compositeTypes.first(where: { $0.name == name }),
              let new = after.model.compositeTypes.first(where: { $0.name == name }) else { return [] }
        let kept = Set(old.attributes.map(\.name))
        let rebuiltTypes = work.typeRebuilds.map(ModelIndex.name)
        // Tables of the type are unlinked first and linked to the new one once their columns match it.
        let typed = before.model.tables.filter { $0.ofType == name && after.tables[$0.name]?.ofType == name }.map(\.name)
        var statements = typed.map { Statement("ALTER TABLE \($0.sql) NOT OF", hazards: locking($0)) }
        statements.append(Statement("ALTER TYPE \(name.sql) RENAME TO \(SQLWriting.ident(Self.aside(name).name))"))
        statements += TypeDDL.create(new, guarded: false)
        for table in typed {
            let alter = "ALTER TABLE \(table.sql)"
            for attribute in old.attributes where !new.attributes.contains(where: { $0.name == attribute.name }) {
                statements.append(Statement("\(alter) DROP COLUMN \(SQLWriting.ident(attribute.name))",
                                            hazards: [.dataLoss("column \(ObjectID(.column, attribute.name, on: ObjectID(.table, table)).sql) and its values")]
                                                + locking(table)))
            }
            for attribute in new.attributes {
                let collation = attribute.collation.map { " COLLATE \($0)" } ?? ""
                if let previous = old.attributes.first(where: { $0.name == attribute.name }) {
                    let rebuiltType = rebuiltTypes.contains { Planner.uses(attribute.type, $0) }
                    guard previous.type != attribute.type || previous.collation != attribute.collation || rebuiltType else { continue }
                    statements.append(Statement("\(alter) ALTER COLUMN \(SQLWriting.ident(attribute.name)) TYPE \(attribute.type)\(collation) "
                                                + "USING \(SQLWriting.ident(attribute.name))\(CastRoute.via(from: previous.type, to: attribute.type))::\(attribute.type)",
                                                hazards: [.tableRewrite(table)] + locking(table)))
                } else {
                    statements.append(Statement("\(alter) ADD COLUMN \(SQLWriting.ident(attribute.name)) \(attribute.type)\(collation)",
                                                hazards: locking(table)))
                }
            }
            statements.append(Statement("\(alter) OF \(name.sql)", hazards: locking(table)))
        }
        // An array's elements are rebuilt through text, attribute by position, where the attributes
        // keep their names and order; where they do not (reordered, added or dropped), through JSON,
        // by name, into a temporary type holding the new array (a subquery over its elements is
        // not allowed in a USING). JSON keeps NULL elements, rows of NULLs and dimensions.
        // (The columns are looked up a second time only where the attributes moved.)
        let holding = old.attributes.map(\.name) != new.attributes.map(\.name)
            && columnsMoving { Planner.uses($0.type, name) }.contains { $0.old.type.hasSuffix("[]") }
        let holder = QualifiedName(schema: "pg_temp", name: SQLWriting.derivedName(name.name, suffix: "__schemactl_items"))
        if holding { statements.append(Statement("CREATE TYPE \(holder.sql) AS (v \(name.sql)[])")) }
        return statements
            + movingColumns(of: name) { column, value in
                let loss = "values whose attributes do not fit their new types fail the cast"
                if column.type.hasSuffix("[]") {
                    guard holding else { return ("\(value)::text::\(name.sql)[]", loss) }
                    return ("(pg_catalog.jsonb_populate_record(NULL::\(holder.sql), pg_catalog.jsonb_build_object('v', pg_catalog.to_jsonb(\(value))))).v", loss)
                }
                // An attribute of a rebuilt type holds the old one: cast through text to the new.
                let fields = new.attributes.map { attribute in
                    let viaText = rebuiltTypes.contains { Planner.uses(attribute.type, $0) } ? "::text" : ""
                    return (kept.contains(attribute.name) ? "(\(value)).\(SQLWriting.ident(attribute.name))\(viaText)" : "NULL") + "::\(attribute.type)"
                }
                // A row of NULLs IS NULL, yet is a value: only a NULL one stays NULL.
                return ("CASE WHEN \(value) IS NOT DISTINCT FROM NULL THEN NULL ELSE ROW(\(fields.joined(separator: ", ")))::\(name.sql) END", loss)
            }
            + (holding ? [Statement("DROP TYPE \(holder.sql)")] : [])
    }

    /// Whether a parent of `table` in `model` (it inherits from or is a partition of) has a
    /// check named `name`: the child inherits it.
    static func inheritsCheck(named name: String, table: QualifiedName, in model: ModelIndex) -> Bool {
        guard let child = model.tables[table] else { return false }
        return (child.inherits + (child.partitionOf.map { [$0] } ?? [])).contains { parent in
            model.tables[parent]?.constraints.contains { $0.kind == .check && $0.name == name } == true
        }
    }

    /// Drops the old self of a rebuilt enum, domain, composite type or collation, renamed aside by its rebuild.
    func dropAside(_ id: ObjectID) -> [Statement] {
        let aside = Self.aside(ModelIndex.name(id))
        switch id.kind {
        case .domain: return [Statement("DROP DOMAIN \(aside.sql)")]
        case .collation: return [Statement("DROP COLLATION \(aside.sql)")]
        default: return [Statement("DROP TYPE \(aside.sql)")]
        }
    }

    /// A top-level object changed in place.
    func alter(_ change: SchemaChange, work: Planner.Work) -> [Statement] {
        let names = Set(change.properties.map(\.name))
        switch (change.old, change.new) {
        case let (.schema(old)?, .schema(new)?):
            let target = "SCHEMA \(SQLWriting.ident(new.name))"
            return (names.contains("comment") ? [SQLWriting.comment(on: target, new.comment)] : [])
                + PrivilegeDDL.statements(on: target, from: old.privileges, to: new.privileges)
        case let (.extension(old)?, .extension(new)?):
            var statements: [Statement] = []
            if old.schema != new.schema { statements.append(Statement("ALTER EXTENSION \(SQLWriting.ident(new.name)) SET SCHEMA \(SQLWriting.ident(new.schema))")) }
            if old.version != new.version { statements.append(Statement("ALTER EXTENSION \(SQLWriting.ident(new.name)) UPDATE TO \(SQLWriting.literal(new.version))")) }
            if names.contains("comment") { statements.append(SQLWriting.comment(on: "EXTENSION \(SQLWriting.ident(new.name))", new.comment)) }
            return statements
        case let (.enum(old)?, .enum(new)?):
            // Values were added first (`addedEnumValues`).
            return (names.contains("comment") ? [SQLWriting.comment(on: "TYPE \(new.name.sql)", new.comment)] : [])
                + PrivilegeDDL.statements(on: "TYPE \(new.name.sql)", from: old.privileges, to: new.privileges)
        case let (.domain(old)?, .domain(new)?):
            return alterDomain(old, new, names)
        case let (.compositeType(old)?, .compositeType(new)?):
            return alterComposite(old, new, names)
        case let (.sequence(old)?, .sequence(new)?):
            return alterSequence(old, new, names)
        case let (.table(old)?, .table(new)?):
            return alterTable(old, new, names)
        case let (.view(old)?, .view(new)?):
            return alterView(old, new, names)
        case let (.function(old)?, .function(new)?):
            var statements: [Statement] = []
            if !names.isSubset(of: ["comment", "privileges", "owner"]) { statements.append(Statement(SQLWriting.trimmedStatement(new.definition))) }
            if names.contains("comment") { statements.append(SQLWriting.comment(on: FunctionDDL.target(new), new.comment)) }
            return statements + PrivilegeDDL.statements(on: new, from: old.privileges, to: new.privileges)
        case let (.defined(old)?, .defined(new)?):
            // A publication that let go of tables while the plan changed them takes them back.
            let givenBack = work.publicationTablesAside[change.id] ?? []
            var statements: [Statement] = names.contains("definition") || !givenBack.isEmpty
                ? DefinedObjectDDL.alter(old, new, unlinked: work.unlinkedEarly.contains(change.id), givenBack: givenBack) ?? [] : []
            if names.contains("comment"), let target = DefinedObjectDDL.target(new) { statements.append(SQLWriting.comment(on: target, new.comment)) }
            if names.contains("privileges") { statements += DefinedObjectDDL.privileges(of: new, from: old.privileges) }
            return statements
        default:
            return []
        }
    }

    /// Domain checks that call a function the plan drops (`Planner.Work.domainChecksDroppedEarly`), dropped before it.
    func dropDomainChecks(_ checks: [QualifiedName: Set<String>]) -> [Statement] {
        checks.keys.sorted().flatMap { domain in checks[domain]!.sorted().map { TypeDDL.dropCheck($0, from: domain) } }
    }

    /// Those checks added again once the function is back; a check that changed came with its domain (`alterDomain`).
    func addDomainChecks(_ checks: [QualifiedName: Set<String>]) -> [Statement] {
        checks.keys.sorted().flatMap { name -> [Statement] in
            guard let old = before.model.domains.first(where: { $0.name == name }),
                  let new = after.model.domains.first(where: { $0.name == name }) else { return [] }
            return new.checks.filter { check in
                checks[name]!.contains(check.name) && old.checks.first(where: { $0.name == check.name })?.definition == check.definition
            }.flatMap { TypeDDL.addCheck($0, to: new, guarded: false) }
        }
    }

    private func alterDomain(_ old: Domain, _ new: Domain, _ names: Set<String>) -> [Statement] {
        let alter = "ALTER DOMAIN \(new.name.sql)"
        var statements: [Statement] = []
        if names.contains("default") {
            statements.append(Statement(new.defaultExpression.map { "\(alter) SET DEFAULT \($0)" } ?? "\(alter) DROP DEFAULT"))
        }
        if names.contains("not null") {
            // A name of its own (17) is given by ADD CONSTRAINT; SET NOT NULL gives the server's.
            if new.notNull, let name = new.notNullName {
                statements.append(Statement("\(alter) ADD \(TableDDL.notNull(named: name))"))
            } else {
                statements.append(Statement("\(alter) \(new.notNull ? "SET" : "DROP") NOT NULL"))
            }
        } else if names.contains("not null name") {
            statements.append(Statement("\(alter) RENAME CONSTRAINT \(SQLWriting.ident(TypeDDL.notNullName(of: old))) TO \(SQLWriting.ident(TypeDDL.notNullName(of: new)))"))
        }
        if names.contains("checks") {
            let oldChecks = Dictionary(old.checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let newChecks = Dictionary(new.checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for check in old.checks where newChecks[check.name]?.definition != check.definition {
                statements.append(TypeDDL.dropCheck(check.name, from: new.name))
            }
            for check in new.checks where oldChecks[check.name]?.definition != check.definition {
                statements += TypeDDL.addCheck(check, to: new, guarded: false)
            }
        }
        if names.contains("check comments") {
            for check in new.checks {
                statements.append(SQLWriting.comment(on: "CONSTRAINT \(SQLWriting.ident(check.name)) ON DOMAIN \(new.name.sql)", check.comment))
            }
        }
        if names.contains("comment") { statements.append(SQLWriting.comment(on: "DOMAIN \(new.name.sql)", new.comment)) }
        return statements + PrivilegeDDL.statements(on: "DOMAIN \(new.name.sql)", from: old.privileges, to: new.privileges)
    }

    private func alterComposite(_ old: CompositeType, _ new: CompositeType, _ names: Set<String>) -> [Statement] {
        let alter = "ALTER TYPE \(new.name.sql)"
        var statements: [Statement] = []
        let oldAttributes = Dictionary(old.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newAttributes = Dictionary(new.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for attribute in old.attributes where newAttributes[attribute.name] == nil {
            statements.append(Statement("\(alter) DROP ATTRIBUTE \(SQLWriting.ident(attribute.name)) CASCADE",
                                        hazards: [.dataLoss("attribute \(SQLWriting.ident(attribute.name)) of \(new.name.sql)")]))
        }
        for attribute in new.attributes {
            let collation = attribute.collation.map { " COLLATE \($0)" } ?? ""
            if let previous = oldAttributes[attribute.name] {
                if previous.type != attribute.type || previous.collation != attribute.collation {
                    statements.append(Statement("\(alter) ALTER ATTRIBUTE \(SQLWriting.ident(attribute.name)) TYPE \(attribute.type)\(collation) CASCADE"))
                }
            } else {
                statements.append(Statement("\(alter) ADD ATTRIBUTE \(SQLWriting.ident(attribute.name)) \(attribute.type)\(collation) CASCADE"))
            }
            if oldAttributes[attribute.name]?.comment != attribute.comment {
                statements.append(SQLWriting.comment(on: "COLUMN \(new.name.sql).\(SQLWriting.ident(attribute.name))", attribute.comment))
            }
        }
        if names.contains("comment") { statements.append(SQLWriting.comment(on: "TYPE \(new.name.sql)", new.comment)) }
        return statements + PrivilegeDDL.statements(on: "TYPE \(new.name.sql)", from: old.privileges, to: new.privileges)
    }

    /// Whether the plan makes `table` logged or unlogged, on a server (15 and later) that sets
    /// the sequences it owns, and its identity columns', with it.
    private func ownedSequencesFollow(_ table: QualifiedName) -> Bool {
        guard (options.serverMajor ?? 0) >= 15, let old = before.tables[table], let new = after.tables[table] else { return false }
        return old.unlogged != new.unlogged && existingTables.contains(ObjectID(.table, table))
    }

    /// The sequences `table` owns before and after the plan where the plan makes it logged or
    /// unlogged, on a server (15 and later) that sets them with it.
    private func ownedSequencesFollowing(_ table: QualifiedName) -> [Sequence] {
        guard ownedSequencesFollow(table) else { return [] }
        return after.model.sequences.filter { sequence in
            guard sequence.ownedBy?.table == table, case let .sequence(was)? = before.object(ObjectID(.sequence, sequence.name)) else { return false }
            return was.ownedBy?.table == table
        }
    }

    private func alterSequence(_ old: Sequence, _ new: Sequence, _ names: Set<String>) -> [Statement] {
        var statements: [Statement] = []
        if old.options != new.options {
            statements.append(TypeDDL.alterOptions("ALTER SEQUENCE \(new.name.sql) \(TypeDDL.sequenceOptions(new.options))",
                                                   of: new.name, from: old.options, to: new.options))
        }
        // Where its table's change sets it, that change says what it ends as.
        let followsItsTable = new.ownedBy.map { owner in ownedSequencesFollowing(owner.table).contains { $0.name == new.name } } ?? false
        if old.unlogged != new.unlogged, !followsItsTable {
            statements.append(Statement("ALTER SEQUENCE \(new.name.sql) SET \(new.unlogged ? "UNLOGGED" : "LOGGED")"))
        }
        if names.contains("comment") { statements.append(SQLWriting.comment(on: "SEQUENCE \(new.name.sql)", new.comment)) }
        return statements + PrivilegeDDL.statements(on: "SEQUENCE \(new.name.sql)", from: old.privileges, to: new.privileges)
    }

    private func alterView(_ old: View, _ new: View, _ names: Set<String>) -> [Statement] {
        // The planner made it again unless it can be replaced in place (`ViewDDL.replaceable`).
        var statements: [Statement] = names.contains("definition") ? [ViewDDL.replace(new)] : []
        let keyword = ViewDDL.keyword(new)
        // Its options (`security_barrier`, `check_option`, a materialized view's storage
        // parameters), unless the replacement above wrote them (`CREATE OR REPLACE VIEW … WITH`
        // replaces them all).
        if names.contains("options"), !names.contains("definition") {
            statements += SQLWriting.parameters(of: "ALTER \(keyword) \(new.name.sql)", from: old.options, to: new.options)
        }
        if names.contains("column defaults") {
            let kept = Set(new.columnDefaults.map(\.name))
            for value in old.columnDefaults where !kept.contains(value.name) {
                statements.append(Statement("ALTER VIEW \(new.name.sql) ALTER COLUMN \(SQLWriting.ident(value.name)) DROP DEFAULT"))
            }
            for value in new.columnDefaults {
                statements.append(Statement("ALTER VIEW \(new.name.sql) ALTER COLUMN \(SQLWriting.ident(value.name)) SET DEFAULT \(value.expression)"))
            }
        }
        if names.contains("column comments") {
            let kept = Set(new.columnComments.map(\.name))
            for comment in old.columnComments where !kept.contains(comment.name) {
                statements.append(SQLWriting.comment(on: "COLUMN \(new.name.sql).\(SQLWriting.ident(comment.name))", nil))
            }
            for comment in new.columnComments {
                statements.append(SQLWriting.comment(on: "COLUMN \(new.name.sql).\(SQLWriting.ident(comment.name))", comment.comment))
            }
        }
        if names.contains("comment") { statements.append(SQLWriting.comment(on: "\(keyword) \(new.name.sql)", new.comment)) }
        let oldColumns = Dictionary(old.columnPrivileges.map { ($0.name, $0.privileges) }, uniquingKeysWith: { first, _ in first })
        let newColumns = Dictionary(new.columnPrivileges.map { ($0.name, $0.privileges) }, uniquingKeysWith: { first, _ in first })
        statements += PrivilegeDDL.statements(onTable: "TABLE \(new.name.sql)", from: old.privileges, to: new.privileges,
                                              columns: newColumns.keys.sorted().map { ($0, oldColumns[$0] ?? [], newColumns[$0] ?? []) })
        for name in Set(oldColumns.keys).union(newColumns.keys).sorted() {
            statements += PrivilegeDDL.statements(on: "TABLE \(new.name.sql)", from: oldColumns[name] ?? [], to: newColumns[name] ?? [], column: name)
        }
        return statements
    }

    /// A table attached to a parent, made to inherit from one, or made of a type: after its own
    /// columns changed (`alterColumns`), as the server compares them with the parent's or the type's.
    /// `attaching` false: a partition whose bounds change is attached later (`Planner.Work.narrowed`).
    func joining(_ change: SchemaChange, reattached: Bool = false, attaching: Bool = true) -> [Statement] {
        guard case let .table(old)? = change.old, case let .table(new)? = change.new else { return [] }
        let alter = "ALTER TABLE \(new.name.sql)"
        let lock = locking(new.name)
        var statements: [Statement] = []
        if attaching, old.partitionOf != new.partitionOf || old.partitionBound != new.partitionBound || Self.finalizesDetach(old, new) || reattached {
            // Detached earlier (`detach`).
            statements += attachPartition(new.name)
        }
        for parent in new.inherits where !old.inherits.contains(parent) {
            statements.append(Statement("\(alter) INHERIT \(parent.sql)", hazards: lock))
        }
        if old.ofType != new.ofType {
            statements.append(Statement(new.ofType.map { "\(alter) OF \($0.sql)" } ?? "\(alter) NOT OF", hazards: lock))
        }
        return statements
    }

    private func alterTable(_ old: Table, _ new: Table, _ names: Set<String>) -> [Statement] {
        let alter = "ALTER TABLE \(new.name.sql)"
        let lock = locking(new.name)
        var statements: [Statement] = []
        if old.unlogged != new.unlogged {
            statements.append(Statement("\(alter) SET \(new.unlogged ? "UNLOGGED" : "LOGGED")", hazards: [.tableRewrite(new.name)] + lock))
            // From 15 (which brought unlogged sequences) the server sets the sequences the table
            // owns the same way: each the target holds the other way is set back.
            for sequence in ownedSequencesFollowing(new.name) where sequence.unlogged != new.unlogged {
                statements.append(Statement("ALTER SEQUENCE \(sequence.name.sql) SET \(sequence.unlogged ? "UNLOGGED" : "LOGGED")"))
            }
        }
        if old.accessMethod != new.accessMethod {
            statements.append(Statement("\(alter) SET ACCESS METHOD \(SQLWriting.ident(new.accessMethod ?? "heap"))", hazards: [.tableRewrite(new.name)] + lock))
        }
        statements += SQLWriting.parameters(of: alter, from: old.storageParameters, to: new.storageParameters, hazards: lock)
        if old.rowLevelSecurity != new.rowLevelSecurity {
            statements.append(Statement("\(alter) \(new.rowLevelSecurity ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY", hazards: lock))
        }
        if old.forceRowLevelSecurity != new.forceRowLevelSecurity {
            statements.append(Statement("\(alter) \(new.forceRowLevelSecurity ? "" : "NO ")FORCE ROW LEVEL SECURITY", hazards: lock))
        }
        if names.contains("comment") { statements.append(SQLWriting.comment(on: "TABLE \(new.name.sql)", new.comment)) }
        let oldColumns = Dictionary(old.columns.map { ($0.name, $0.privileges) }, uniquingKeysWith: { first, _ in first })
        return statements + PrivilegeDDL.statements(onTable: "TABLE \(new.name.sql)", from: old.privileges, to: new.privileges,
                                                    columns: new.columns.map { ($0.name, oldColumns[$0.name] ?? [], $0.privileges) })
    }

    /// Whether a partition whose detach is pending is one no longer: its detach is finished, and
    /// where it stays a partition, it is attached again. (The other way has no statement: a
    /// pending detach is an interrupted `DETACH PARTITION … CONCURRENTLY`.)
    static func finalizesDetach(_ old: Table, _ new: Table) -> Bool {
        old.detachPending == true && new.detachPending != true
    }

    /// A partition leaving its parent (or moving to another bound), a child leaving a parent it inherits from.
    /// `reattached`: its parent is created again (`Planner.Work.reattached`).
    func detach(_ change: SchemaChange, reattached: Bool = false) -> [Statement] {
        guard case let .table(old)? = change.old, case let .table(new)? = change.new else { return [] }
        let lock = locking(new.name)
        var statements: [Statement] = []
        if let parent = old.partitionOf,
           old.partitionOf != new.partitionOf || old.partitionBound != new.partitionBound || Self.finalizesDetach(old, new) || reattached {
            // A detach left pending is finished, not started again (the server refuses that).
            let finalize = old.detachPending == true ? " FINALIZE" : ""
            statements.append(Statement("ALTER TABLE \(parent.sql) DETACH PARTITION \(new.name.sql)\(finalize)", hazards: lock))
            statements += foreignKeyClonesAfterLeaving(old, new)
        }
        for parent in old.inherits where !new.inherits.contains(parent) {
            statements.append(Statement("ALTER TABLE \(new.name.sql) NO INHERIT \(parent.sql)", hazards: lock))
        }
        // Its copies of a new parent's checks, its own once it left its old parent: dropped, for the
        // new parent's to reach it as inherited only (`checksAfterChildrenJoin`).
        for parent in new.inherits where !old.inherits.contains(parent) {
            let parentID = ObjectID(.table, parent)
            for check in old.constraints where check.kind == .check
                && checksAfterChildrenJoin.contains(ObjectID(.constraint, check.name, on: parentID))
                && new.constraint(check.name)?.inheritedAndLocal != true {
                statements.append(Statement("ALTER TABLE \(new.name.sql) DROP CONSTRAINT \(SQLWriting.ident(check.name))", hazards: lock))
            }
        }
        if !statements.isEmpty { statements += notNullNamesAfterLeaving(new) }
        return statements
    }

    /// Whether the table `name` leaves a parent in this plan (detached, or attached elsewhere or
    /// under other bounds; or no longer inheriting from one).
    private func leavesAParent(_ name: QualifiedName) -> Bool {
        guard let old = before.tables[name], let new = after.tables[name] else { return false }
        return old.partitionOf != nil && (old.partitionOf != new.partitionOf || old.partitionBound != new.partitionBound)
            || old.inherits.contains { !new.inherits.contains($0) }
    }

    /// Whether `old`, a partition, leaves its parent for good in this plan (not to be attached again).
    private func leavesForGood(_ old: Table, _ new: Table) -> Bool {
        old.partitionOf != nil && new.partitionOf == nil
    }

    /// The foreign keys a partition keeps as its own when it leaves its parent: its clones of
    /// its ancestors' keys that still stand then (the plan drops foreign keys, and the tables it
    /// drops, before partitions leave). The model holds no clone: their names are the server's.
    private func clonedForeignKeys(of old: Table) -> [Constraint] {
        before.partitionAncestors(of: old.name).flatMap { ancestor -> [Constraint] in
            let id = ObjectID(.table, ancestor.name)
            guard existingTables.contains(id) else { return [] }
            return ancestor.constraints.filter { key in
                let member = ObjectID(.constraint, key.name, on: id)
                return key.kind == .foreignKey && !removedMembers.contains(member) && !rebuiltMembers.contains(member)
            }
        }
    }

    /// Whether the target's foreign key `key` on `table` is a clone of a parent's that the table
    /// keeps when it leaves its parent in this plan (renamed, not added: `foreignKeyClonesAfterLeaving`).
    func isKeptClone(_ key: Constraint, on table: QualifiedName) -> Bool {
        guard key.kind == .foreignKey, let old = before.tables[table], let new = after.tables[table], leavesForGood(old, new) else { return false }
        return clonedForeignKeys(of: old).contains { $0.definition == key.definition }
    }

    /// A partition that leaves its parent keeps the clones of its parent's foreign keys as its
    /// own, under names of the server's choosing (the parent's when it was attached: a key of the
    /// parent renamed since keeps its clones' old names). Found by definition: for good, each the
    /// target has takes the target's name; attached again, each its new parent has stays (`ATTACH
    /// PARTITION` takes it as that one's clone, with no new validation); the others go. Its own
    /// keys, in the model, are the plan's to change.
    private func foreignKeyClonesAfterLeaving(_ old: Table, _ new: Table) -> [Statement] {
        let own = old.constraints.filter { $0.kind == .foreignKey }.map(\.name)
        guard !clonedForeignKeys(of: old).isEmpty || !own.isEmpty else { return [] }
        var kept: [(name: String?, definition: String)] = []
        if leavesForGood(old, new) {
            kept = new.constraints.filter { isKeptClone($0, on: new.name) }.map { ($0.name, $0.definition) }
        } else {
            kept = after.partitionAncestors(of: new.name).flatMap(\.constraints).filter { $0.kind == .foreignKey }.map { (nil, $0.definition) }
        }
        let targets = kept.isEmpty ? "(NULL::pg_catalog.text, NULL::pg_catalog.text)"
            : kept.map { "(\($0.name.map(SQLWriting.literal) ?? "NULL"), \(SQLWriting.literal($0.definition)))" }.joined(separator: ", ")
        let notOwn = own.isEmpty ? "" : "\n                   AND c.conname <> ALL (ARRAY[\(own.map(SQLWriting.literal).joined(separator: ", "))]::pg_catalog.name[])"
        let table = SQLWriting.literal(new.name.sql)
        // Definitions compared as the model reads them: with an empty search_path, every name qualified.
        return [Statement("""
            DO $schemactl$
            DECLARE
                k record;
                saved pg_catalog.text := pg_catalog.current_setting('search_path');
            BEGIN
                PERFORM pg_catalog.set_config('search_path', '', true);
                FOR k IN SELECT c.conname AS current, t.target, t.definition FROM pg_catalog.pg_constraint c
                         LEFT JOIN (VALUES \(targets)) AS t (target, definition) ON t.definition = pg_catalog.pg_get_constraintdef(c.oid)
                         WHERE c.conrelid = \(SQLWriting.regclass(new.name)) AND c.contype = 'f' AND c.conparentid = 0\(notOwn) LOOP
                    IF k.definition IS NULL THEN
                        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', \(table), k.current);
                    ELSIF k.target IS NOT NULL AND k.target <> k.current THEN
                        EXECUTE pg_catalog.format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', \(table), k.current, k.target);
                    END IF;
                END LOOP;
                PERFORM pg_catalog.set_config('search_path', saved, true);
            END
            $schemactl$
            """, hazards: locking(new.name))]
    }

    /// A table that leaves its parent keeps its NOT NULL constraints under the parent's names
    /// (18), where one made alone has its own: each takes the name the target gives it. Found
    /// in the catalog, as the model holds no name it inherits; before 18 there is none to find.
    private func notNullNamesAfterLeaving(_ table: Table) -> [Statement] {
        notNullRenames(of: table.name, to: table.columns.filter(\.notNull).map { ($0.name, TableDDL.notNullName(of: $0, in: table.name)) })
    }

    /// A block that renames the NOT NULL constraints of `table`'s columns that are not named as
    /// `targets` says (column, name), found in the catalog.
    func notNullRenames(of table: QualifiedName, to names: [(column: String, name: String)]) -> [Statement] {
        let targets = names.map { "(\(SQLWriting.literal($0.column)), \(SQLWriting.literal($0.name)))" }
        // Before 18 a NOT NULL is no constraint (a major not known: the block, which finds nothing there).
        guard !targets.isEmpty, (options.serverMajor ?? 18) >= 18 else { return [] }
        // One block for the table: its NOT NULL constraints, each with the name its column's should have.
        return [Statement("""
            DO $schemactl$
            DECLARE
                k record;
            BEGIN
                FOR k IN SELECT c.conname AS current, t.target FROM pg_catalog.pg_constraint c
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                         JOIN (VALUES \(targets.joined(separator: ", "))) AS t (attname, target) ON t.attname = a.attname
                         WHERE c.conrelid = \(SQLWriting.regclass(table)) AND c.contype = 'n' AND c.conname <> t.target LOOP
                    EXECUTE pg_catalog.format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', \(SQLWriting.literal(table.sql)), k.current, k.target);
                END LOOP;
            END
            $schemactl$
            """)]
    }

    /// Columns added and changed on a table that stays (dropped ones went with the drops).
    func alterColumns(of table: ObjectID, work: Planner.Work) -> [Statement] {
        let name = ModelIndex.name(table)
        guard let newTable = after.tables[name] else { return [] }
        var statements: [Statement] = []
        // Generated columns added again were dropped with the other drops (`dropReaddedColumns`).
        let readded = work.readdedColumns[table] ?? []
        let typed = isTypedTable(table)
        // Types whose columns were moved to a type of that name created anew, defaults and all.
        let rebuiltTypes = work.typeRebuilds.union(work.replacedTypes.keys).map(ModelIndex.name)
        for column in newTable.columns {
            let id = ObjectID(.column, column.name, on: table)
            if work.expressionsSet.contains(id), let expression = column.generatedExpression {
                statements.append(Statement("ALTER TABLE \(name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) SET EXPRESSION AS (\(expression))",
                                            hazards: (holdsRows(name) ? [.tableRewrite(name)] : []) + locking(name)))
            }
            if typed, work.addedMembers[id] != nil {
                // It came with its type's new attribute (ALTER TYPE … ADD ATTRIBUTE … CASCADE): only its options are its own.
                statements += alterColumn(Column(name: column.name, position: column.position, type: column.type), column,
                                          of: newTable, names: ["default"])
            } else if work.addedMembers[id] != nil || readded.contains(column.name) {
                statements += addColumn(column, to: newTable)
            } else if work.defaultsDroppedEarly.contains(id) || work.droppedIdentities.contains(id),
                      case let .column(was)? = work.changedMembers[id]?.old ?? before.member(id) {
                // Its default or identity went with the other drops: the default is set again whatever else changes.
                var old = was
                var names = Set(work.changedMembers[id]?.properties.map(\.name) ?? [])
                if work.defaultsDroppedEarly.contains(id) {
                    old.defaultExpression = nil
                    names.insert("default")
                }
                if work.droppedIdentities.contains(id) { old.identity = nil }
                statements += alterColumn(old, column, of: newTable, names: names)
            } else if let change = work.changedMembers[id], case let .column(old)? = change.old {
                var names = Set(change.properties.map(\.name))
                // A typed table's column changes type with its type's attribute.
                if typed { names.subtract(["type", "collation"]) }
                // A column moved to a rebuilt enum or domain got its new default there.
                if rebuiltTypes.contains(where: { Planner.uses(old.type, $0) }) {
                    names.remove("default")
                }
                statements += alterColumn(old, column, of: newTable, names: names)
            }
        }
        // A sequence taking up after its column's values (`continuing`) reads the table once all
        // its columns are changed: in between it would part `ALTER TABLE`s that join as one.
        let continuing = statements.filter(Self.isContinuing)
        return statements.filter { !Self.isContinuing($0) } + continuing
    }

    /// Whether `statement` is `continuing`'s, in either of its two forms (a numbering sequence's
    /// `setval` is not: it reads the numbering sequence, which the next step drops).
    private static func isContinuing(_ statement: Statement) -> Bool {
        statement.sql.hasPrefix("SELECT pg_catalog.setval(") && (statement.sql.contains(" HAVING ") || statement.sql.contains(" AS edge FROM "))
    }

    /// The generated columns of `table` that are added again (`Planner.Work.readdedColumns`),
    /// dropped before the changes: one that reads a column cannot stay while that column changes
    /// type, nor one that calls a function while it is dropped. A child's go with its parent's.
    func dropReaddedColumns(of table: ObjectID, work: Planner.Work) -> [Statement] {
        let name = ModelIndex.name(table)
        guard let oldTable = before.tables[name], let readded = work.readdedColumns[table] else { return [] }
        return oldTable.columns.filter { column in readded.contains(column.name) && !inheritsColumn(column.name, of: oldTable) }.map { column in
            let id = ObjectID(.column, column.name, on: table)
            let lost = column.generatedExpression == nil || after.tables[name]?.column(column.name)?.generatedExpression == nil
            return Statement("ALTER TABLE \(name.sql) DROP COLUMN \(SQLWriting.ident(column.name))",
                             hazards: (lost ? [.dataLoss("column \(id.sql) and its values: it becomes a generated column")] : []) + locking(name))
        }
    }

    /// `SET NOT NULL` on each partition under `parent` (at any depth) that the plan keeps and
    /// whose `column` the target holds NOT NULL, after the parent's `DROP NOT NULL` took it
    /// from them all: a partitioned one's reaches its own partitions, which must hold it too.
    private func notNullsKept(under parent: QualifiedName, column: String) -> [Statement] {
        after.partitions(of: parent).filter { existingTables.contains(ObjectID(.table, $0.name)) }.flatMap { partition -> [Statement] in
            guard let held = partition.column(column) else { return [] }
            return held.notNull ? setNotNull(held, of: partition) : notNullsKept(under: partition.name, column: column)
        }
    }

    /// `ALTER TABLE [ONLY] t ALTER COLUMN c`, for what is `table`'s alone: ONLY where it has
    /// children or partitions (before the plan or after), which the statement would reach too.
    private func alterColumnHead(_ table: QualifiedName, _ column: String) -> String {
        "ALTER TABLE \(hasDescendants(table) ? "ONLY " : "")\(table.sql) ALTER COLUMN \(SQLWriting.ident(column))"
    }

    /// Whether `table` has children or partitions, before the plan or after.
    private func hasDescendants(_ table: QualifiedName) -> Bool {
        [before, after].contains { !$0.children(of: table).isEmpty || !$0.partitions(of: table).isEmpty }
    }

    /// Whether `table` is of a composite type in both models: its columns are its type's attributes.
    func isTypedTable(_ table: ObjectID?) -> Bool {
        guard let table else { return false }
        let name = ModelIndex.name(table)
        guard let was = before.tables[name]?.ofType else { return false }
        return after.tables[name]?.ofType == was
    }

    /// `DROP IDENTITY` of a column that stops being one (`Planner.Work.droppedIdentities`).
    /// One that becomes a serial first copies where its sequence stood into a sequence aside
    /// (`serialSequencesAside`, wide enough for any value), as the drop takes the sequence: the
    /// serial's takes up after that or after the column's largest value (`continuing`), so the
    /// value of a top row deleted is not given again.
    func dropIdentity(_ column: ObjectID) -> [Statement] {
        guard let table = column.parent else { return [] }
        let name = ModelIndex.name(table)
        var statements: [Statement] = []
        if holdsRows(name), case let .column(old)? = before.member(column), let identity = old.identity,
           case let .column(new)? = after.member(column), let value = new.defaultExpression,
           let aside = Self.sequencesDrawnFrom(value).lazy.compactMap({ self.serialSequencesAside[$0] }).first {
            let sequence = TableDDL.identitySequence(identity, of: old.name, in: name)
            statements.append(Statement("CREATE SEQUENCE \(aside.sql) AS bigint MINVALUE \(Int64.min) MAXVALUE \(Int64.max)"))
            statements.append(Statement("SELECT pg_catalog.setval(\(SQLWriting.regclassLiteral(aside)), s.last_value, s.is_called) FROM \(sequence.sql) s"))
        }
        return statements + [Statement("ALTER TABLE \(name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) DROP IDENTITY IF EXISTS", hazards: locking(name))]
    }

    /// `DROP DEFAULT` of a column whose default calls a function dropped before the changes.
    func dropDefault(_ column: ObjectID) -> [Statement] {
        guard let table = column.parent else { return [] }
        let name = ModelIndex.name(table)
        // ONLY: a child's or partition's default is its own, dropped here if it calls the function too.
        return [Statement("\(alterColumnHead(name, column.name)) DROP DEFAULT", hazards: locking(name))]
    }

    private func addColumn(_ column: Column, to table: Table) -> [Statement] {
        let extras = TableDDL.columnExtras(column, of: table.name) + TableDDL.notNullComment(column, of: table, after.tables)
        var hazards = locking(table.name)
        if ColumnRewrite.adding(column, functions: after.volatileDefaults) && holdsRows(table.name) { hazards.insert(.tableRewrite(table.name), at: 0) }
        if column.notNull && column.defaultExpression == nil && column.identity == nil && column.generatedExpression == nil
            && holdsRows(table.name) {
            hazards.insert(.validation(table.name), at: 0)
        }
        // A partition gets its parent's new column from the parent's ADD COLUMN (one attached by
        // the plan must have it first, as must one whose parent is made again: attached to the
        // new parent, it needs every column already). So does a child from a parent it inherited
        // from already, unless it declares the column itself too.
        // One that declares it too was given it just before its parent's (`declaringChildren`).
        // Its default and NOT NULL are those of the first table up its parents that adds the
        // column itself: where its own differ, they are set after.
        if parentGiving(column, to: table) != nil {
            var given = column
            var (current, seen) = (table, Set([table.name]))
            while let parent = parentGiving(given, to: current), seen.insert(parent.name).inserted, let theirs = parent.column(column.name) {
                (given, current) = (theirs, parent)
            }
            var inherited = column
            (inherited.defaultExpression, inherited.notNull) = (given.defaultExpression, given.notNull)
            return alterColumn(inherited, column, of: table, names: inherited.defaultExpression == column.defaultExpression ? [] : ["default"])
                + extras
        }
        if let identity = column.identity, identityGoesInSteps(table) {
            return declaringChildren(of: table, column: column.name)
                + identityInSteps(column, identity, to: table, hazards: hazards) + extras
        }
        return declaringChildren(of: table, column: column.name)
            + [Statement("ALTER TABLE \(table.name.sql) ADD COLUMN \(guarded ? "IF NOT EXISTS " : "")\(TableDDL.columnDefinition(column))",
                         hazards: hazards)] + extras
    }

    /// Whether an identity column is added to `table` in steps (`identityInSteps`): the server
    /// refuses `ADD COLUMN … GENERATED AS IDENTITY` on a table with children or partitions
    /// ("cannot recursively add identity column to table that has child tables"), but for a
    /// partitioned table from 17, where the partitions share the parent's identity.
    private func identityGoesInSteps(_ table: Table) -> Bool {
        hasDescendants(table.name) && !(table.partitionKey != nil && (options.serverMajor ?? 0) >= 17)
    }

    /// An identity column added to a table with children or partitions, as the server would
    /// have numbered it: the column is added with a default from a sequence of the identity's
    /// own options, which numbers every row of the family in the rewrite the identity's
    /// `ADD COLUMN` makes anyway; the default goes (from the children too, which have no
    /// identity: before 17 none do, and an inheritance child never), the identity is added
    /// to the parent, its sequence takes up where the numbering stopped, and the numbering
    /// sequence is dropped. `hazards`: the identity's `ADD COLUMN`'s (the other steps' lock is among them).
    private func identityInSteps(_ column: Column, _ identity: Column.Identity, to table: Table, hazards: [Hazard]) -> [Statement] {
        let numbering = numberingSequence(of: column.name, in: table.name)
        var plain = column
        plain.identity = nil
        plain.defaultExpression = "nextval(\(SQLWriting.literal(numbering.sql))::regclass)"
        let alter = "ALTER TABLE \(table.name.sql)"
        let setval = "pg_catalog.setval(\(SQLWriting.literal(TableDDL.identitySequence(identity, of: column.name, in: table.name).sql))::regclass, "
            + "last_value, is_called) FROM \(numbering.sql)"
        let continuing = Statement("SELECT \(setval)")
        let steps = [
            Statement("CREATE SEQUENCE \(numbering.sql) \(TypeDDL.sequenceOptions(identity.sequence))"),
            Statement("\(alter) ADD COLUMN \(TableDDL.columnDefinition(plain))", hazards: hazards),
            Statement("\(alter) ALTER COLUMN \(SQLWriting.ident(column.name)) DROP DEFAULT", hazards: locking(table.name)),
            Statement("\(alter) ALTER COLUMN \(SQLWriting.ident(column.name)) ADD GENERATED \(identity.generation.rawValue) AS IDENTITY "
                      + "(\(TableDDL.identityOptions(identity)))", hazards: locking(table.name)),
            continuing,
            Statement("DROP SEQUENCE \(numbering.sql)"),
        ]
        guard guarded else { return steps }
        // A schema script's: all the steps, or none where the column is an identity already.
        let exists = "SELECT FROM pg_catalog.pg_attribute WHERE attrelid = \(SQLWriting.literal(table.name.sql))::regclass "
            + "AND attname = \(SQLWriting.literal(column.name)) AND attidentity <> ''"
        // In PL/pgSQL a query's result must go somewhere: the setval is PERFORMed.
        let body = steps.map { $0 == continuing ? "PERFORM \(setval)" : SQLWriting.trimmedStatement($0.sql) }.joined(separator: ";\n        ")
        var statement = SQLWriting.unless(exists, body)
        statement.hazards = hazards
        return [statement]
    }

    /// A sequence the plan gives a column of a table that may hold rows (an identity added, a
    /// default from a sequence the plan makes: a serial) starts at its `START`, below the values
    /// the column may hold already, and the next row would take one of them (a key's duplicate,
    /// refused; or a value given twice). It takes up after the largest value (the smallest, for a
    /// descending one), where the column holds one at or past its start; an empty column, or
    /// one below it, leaves it where it starts.
    ///
    /// A serial's sequence renamed aside (`serialSequencesAside`) hands over where it stood: the
    /// identity's takes up after that or after the column's largest value, whichever is further.
    private func continuing(_ sequence: QualifiedName, after column: String, of table: QualifiedName, options: SequenceOptions) -> Statement {
        let (edge, past, furthest) = options.increment > 0 ? ("max", ">=", "greatest") : ("min", "<=", "least")
        let value = "pg_catalog.\(edge)(\(SQLWriting.ident(column)))"
        let target = SQLWriting.regclassLiteral(sequence)
        guard let aside = serialSequencesAside[sequence] else {
            return Statement("SELECT pg_catalog.setval(\(target), \(value)) FROM \(table.sql) HAVING \(value) \(past) \(options.start)")
        }
        // With no row, `m.edge` is NULL: `furthest` leaves it out, and the old position stands as it was.
        return Statement("SELECT pg_catalog.setval(\(target), \(furthest)(s.last_value, m.edge), s.is_called OR coalesce(m.edge \(past) s.last_value, false)) "
                         + "FROM \(aside.sql) s CROSS JOIN (SELECT \(value) AS edge FROM \(table.sql)) m")
    }

    /// The sequences a default draws from (`nextval('s.seq'::regclass)`, as the server prints it),
    /// looked up by name rather than by trying every sequence of the model.
    static func sequencesDrawnFrom(_ expression: String) -> [QualifiedName] {
        guard expression.contains("nextval(") else { return [] }
        let tokens = SQLToken.tokens(of: expression)
        return tokens.indices.dropLast(2).compactMap { index in
            guard tokens[index].identifier == "nextval", tokens[index + 1].isSymbol("("), tokens[index + 2].kind == .string,
                  let (parts, _) = SQLToken.qualifiedName(in: SQLToken.tokens(of: tokens[index + 2].value), at: 0), parts.count == 2
            else { return nil }
            return QualifiedName(schema: parts[0], name: parts[1])
        }
    }

    /// The numbering sequence's name: `<table>_<column>_numbering_seq`, or with the label
    /// numbered as the server numbers a name it finds taken (`…_numbering_seq1`, `…seq2`) while
    /// a relation or a type of the schema, before or after the plan, has it.
    private func numberingSequence(of column: String, in table: QualifiedName) -> QualifiedName {
        Self.freeName(of: column, in: table, label: "numbering_seq", before: before, after: after)
    }

    /// `<table>_<column>_<label>`, numbered as the server numbers a name it finds taken
    /// (`…_label1`, `…label2`) while a relation or a type of the schema, before or after the
    /// plan, has it.
    static func freeName(of column: String, in table: QualifiedName, label: String, before: ModelIndex, after: ModelIndex) -> QualifiedName {
        let taken = before.model.relationAndTypeNames(in: table.schema).union(after.model.relationAndTypeNames(in: table.schema))
        var pass = 0
        while true {
            let name = ServerNames.objectName(table.name, column, label: label + (pass == 0 ? "" : String(pass)))
            if !taken.contains(name) { return QualifiedName(schema: table.schema, name: name) }
            pass += 1
        }
    }

    /// A child's or partition's own check of the name of a check its parent gets, which the
    /// target holds as inherited only: dropped first. The parent's `ADD CONSTRAINT` reaches the
    /// child and merges with a check the child has, which then stays its own as well (the server
    /// drops no inherited check on the child, so no later statement could undo it).
    private func childrensOwnChecksDropped(_ check: Constraint, on parent: QualifiedName) -> [Statement] {
        guard check.kind == .check else { return [] }
        return (after.children(of: parent) + after.partitions(of: parent)).compactMap { child -> Statement? in
            guard let was = before.tables[child.name], was.inherits.contains(parent) || was.partitionOf == parent,
                  let own = was.constraint(check.name), own.kind == .check, !Self.inheritsCheck(named: check.name, table: child.name, in: before),
                  let now = child.constraint(check.name), now.kind == .check, now.inheritedAndLocal != true else { return nil }
            var statement = ConstraintDDL.drop(own, on: child.name)
            statement.hazards = locking(child.name)
            return statement
        }
    }

    /// The parent whose `ADD COLUMN` gives `table` its new `column` (the server recurses), if
    /// one does: a parent it had already and keeps, which gets the column (a child that
    /// declares the column itself too is given it first, `declaringChildren`, unless a partition).
    private func parentGiving(_ column: Column, to table: Table) -> Table? {
        let parents = table.partitionOf.map { [$0] } ?? table.inherits
        let parentsBefore = before.tables[table.name].map { $0.partitionOf.map { [$0] } ?? $0.inherits } ?? []
        return parents.first { parentName in
            parentsBefore.contains(parentName) && existingTables.contains(ObjectID(.table, parentName))
                && after.tables[parentName]?.column(column.name) != nil
                && (column.inheritedAndLocal != true || table.partitionOf != nil || before.tables[parentName]?.column(column.name) == nil)
        }.flatMap { after.tables[$0] }
    }

    /// A column a parent gets that a child of it declares itself too (`Column.inheritedAndLocal`):
    /// added to the child first, the parent's `ADD COLUMN` merges with it; after, the child would
    /// have it from the parent only, and its own `ADD COLUMN` fails ("already exists").
    private func declaringChildren(of parent: Table, column: String) -> [Statement] {
        after.children(of: parent.name).filter { child in
            existingTables.contains(ObjectID(.table, child.name))
                && before.tables[child.name]?.inherits.contains(parent.name) == true && before.tables[child.name]?.column(column) == nil
                && child.column(column)?.inheritedAndLocal == true
        }.flatMap { child in
            child.column(column).map { declared in
                [Statement("ALTER TABLE \(child.name.sql) ADD COLUMN \(TableDDL.columnDefinition(declared))", hazards: locking(child.name))]
            } ?? []
        }
    }

    private func alterColumn(_ old: Column, _ new: Column, of table: Table, names: Set<String>) -> [Statement] {
        let alter = "ALTER TABLE \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(new.name))"
        let lock = locking(table.name)
        let id = ObjectID(.column, new.name, on: ObjectID(.table, table.name))
        var statements: [Statement] = []
        // A column that stays generated got its new expression in place (`Work.expressionsSet`).
        if names.contains("generated") && new.generatedExpression == nil { statements.append(Statement("\(alter) DROP EXPRESSION", hazards: lock)) }
        let retyped = names.contains("type") || names.contains("collation")
        let defaultChanges = names.contains("default") || (retyped && old.defaultExpression != nil)
        if old.identity != nil && new.identity == nil {
            statements.append(Statement("\(alter) DROP IDENTITY IF EXISTS", hazards: lock))
        }
        // A default is each table's own: `SET DEFAULT` and `DROP DEFAULT` reach a parent's
        // children and partitions, whose own defaults may differ (ONLY keeps them), but for a
        // drop before the type changes: the type reaches them all, each of which sets its own
        // default again after (it changes type too), and theirs must not stand in its way.
        let alone = alterColumnHead(table.name, new.name)
        if defaultChanges && old.defaultExpression != nil { statements.append(Statement("\(retyped ? alter : alone) DROP DEFAULT", hazards: lock)) }
        // An inherited column changes type with its parent's (ALTER TABLE recurses); the server
        // refuses the change on the child itself ("cannot alter inherited column").
        if retyped && !inheritsRetype(of: new, in: table) {
            var hazards: [Hazard] = []
            if holdsRows(table.name) {
                if !Self.isWidening(from: old.type, to: new.type) {
                    hazards.append(.dataLoss("\(id.sql) changes type from \(old.type) to \(new.type): values that do not fit fail or change"))
                }
                if ColumnRewrite.retyping(old, to: new) { hazards.append(.tableRewrite(table.name)) }
                hazards += lock
            }
            let collation = new.collation.map { " COLLATE \($0)" } ?? ""
            // Between enums (or to one from another type) there is no cast but through text.
            // Types without a cast between them (an integer and a uuid) go through text (see CastRoute).
            let value = SQLWriting.ident(new.name)
            // A domain over an array is an array here (its base's element is the element).
            let (oldType, newType) = (domainBase(old.type, in: before), domainBase(new.type, in: after))
            let (oldArray, newArray) = (oldType.hasSuffix("[]"), newType.hasSuffix("[]"))
            let using: String
            if oldArray != newArray {
                // No cast between a value and an array: a value becomes an array of one element,
                // an array its first element (the hazard above says the rest may be lost).
                let oldElement = oldArray ? String(oldType.dropLast(2)) : oldType, newElement = newArray ? String(newType.dropLast(2)) : newType
                let via = castRoute(from: oldElement, to: newElement, array: false)
                // A row of NULLs IS NULL, yet is a value: only a NULL one stays NULL.
                let isNull = isComposite(oldElement, in: before) ? "IS NOT DISTINCT FROM NULL" : "IS NULL"
                using = newArray ? "CASE WHEN \(value) \(isNull) THEN NULL ELSE ARRAY[\(value)\(via)::\(newElement)] END"
                    : "(\(value))[pg_catalog.array_lower(\(value), 1)]\(via)::\(new.type)"
            } else {
                using = "\(value)\(castRoute(from: old.type, to: new.type, array: newArray))::\(new.type)"
            }
            statements.append(Statement("\(alter) TYPE \(new.type)\(collation) USING \(using)", hazards: hazards))
            if table.kind == .partitioned { statements += renamingRebuiltCopies(under: table.name, column: new.name) }
        }
        if defaultChanges, let value = new.defaultExpression {
            statements.append(Statement("\(alone) SET DEFAULT \(value)", hazards: lock))
            // A sequence the plan makes, now the column's (a serial): it takes up after the column's values.
            if holdsRows(table.name),
               let sequence = Self.sequencesDrawnFrom(value).lazy.compactMap({ before.sequences[$0] == nil ? after.sequences[$0] : nil }).first {
                statements.append(continuing(sequence.name, after: new.name, of: table.name, options: sequence.options))
            }
        }
        if old.notNull != new.notNull && !(new.identity != nil && old.identity == nil && new.notNull) {
            if new.notNull {
                if !inheritsSetNotNull(of: new, in: table) && !validatesNewParentsNotNull(new, of: table) {
                    statements += notNullsGivingWay(to: new, of: table) + setNotNull(new, of: table)
                }
            } else if table.kind == .partitioned, hasDescendants(table.name) {
                // A partitioned table's `DROP NOT NULL` takes its partitions' too (the server drops
                // no part of it alone; from 18 those it gave them): those the target keeps set theirs again.
                statements.append(Statement("\(alter) DROP NOT NULL", hazards: lock))
                statements += notNullsKept(under: table.name, column: new.name)
            } else if (options.serverMajor ?? 0) < 18, hasDescendants(table.name) {
                // Before 18 an inheritance parent's reaches every child, whose own (declared) the
                // target may keep: the parent's alone is dropped (a child that loses its own drops it itself).
                statements.append(Statement("\(alone) DROP NOT NULL", hazards: lock))
            } else {
                statements.append(Statement("\(alter) DROP NOT NULL", hazards: lock))
            }
        } else if old.notNull && new.notNull && (old.notNullNoInherit == true) != (new.notNullNoInherit == true) {
            // 18: the constraint is made to reach the table's children, or no longer (which leaves
            // their copies theirs). Under its name as it is now (a rename, if any, follows).
            let name = givenNotNullName(of: old, in: table.name, before)
            statements.append(Statement("ALTER TABLE \(table.name.sql) ALTER CONSTRAINT \(SQLWriting.ident(name)) "
                                        + (new.notNullNoInherit == true ? "NO INHERIT" : "INHERIT"), hazards: lock))
            if old.notNullName != new.notNullName {
                let now = givenNotNullName(of: new, in: table.name, after)
                if now != name { statements.append(Statement("ALTER TABLE \(table.name.sql) RENAME CONSTRAINT \(SQLWriting.ident(name)) TO \(SQLWriting.ident(now))")) }
            }
        } else if old.notNull && new.notNull && old.notNullName != new.notNullName && inheritsNotNull(old, of: table.name) {
            // An inherited one the server renames on no child. Its name reads as its own once the
            // child declares it too (`Column.notNullLocal`): SET NOT NULL on the child alone does,
            // keeping the name. The way back has no statement (the server drops no inherited
            // constraint on a child): the proof names the column.
            if new.notNullLocal == true && old.notNullLocal != true {
                statements.append(Statement("ALTER TABLE ONLY \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(new.name)) SET NOT NULL", hazards: lock))
            }
        } else if old.notNull && new.notNull && old.notNullName != new.notNullName && !leavesAParent(table.name) {
            // (One that leaves its parent has its NOT NULLs renamed by `notNullNamesAfterLeaving`, found
            // in the catalog: the name it holds then is its parent's, not the one the model reads.)
            // The NOT NULL stays under another name (18): the name the server gave where none is kept.
            // A partition's unnamed one is its parent's (`TableDDL.givenNotNullName`).
            let (was, now) = (givenNotNullName(of: old, in: table.name, before), givenNotNullName(of: new, in: table.name, after))
            if was != now {
                statements.append(Statement("ALTER TABLE \(table.name.sql) RENAME CONSTRAINT \(SQLWriting.ident(was)) TO \(SQLWriting.ident(now))"))
            }
        }
        if let identity = new.identity {
            if let previous = old.identity {
                if previous.generation != identity.generation {
                    statements.append(Statement("\(alter) SET GENERATED \(identity.generation.rawValue)", hazards: lock))
                }
                let (was, now) = (TableDDL.identitySequence(previous, of: old.name, in: table.name),
                                  TableDDL.identitySequence(identity, of: new.name, in: table.name))
                if previous.sequence != identity.sequence {
                    let options = identity.sequence
                    statements.append(TypeDDL.alterOptions("\(alter) SET INCREMENT BY \(options.increment) SET MINVALUE \(options.minValue) "
                                                           + "SET MAXVALUE \(options.maxValue) SET START WITH \(options.start) SET CACHE \(options.cache) "
                                                           + "SET \(options.cycle ? "CYCLE" : "NO CYCLE")",
                                                           of: was, from: previous.sequence, to: options, hazards: lock))
                }
                if was != now {
                    statements.append(Statement("ALTER SEQUENCE \(was.sql) RENAME TO \(SQLWriting.ident(now.name))"))
                    if was.schema != now.schema {
                        statements.append(Statement("ALTER SEQUENCE \(QualifiedName(schema: was.schema, name: now.name).sql) SET SCHEMA \(SQLWriting.ident(now.schema))"))
                    }
                }
                // The table's SET LOGGED or UNLOGGED, written before its columns' changes, set the
                // sequence with it (15 and later); else it is what it was.
                let (oldTable, flips) = (before.tables[table.name], ownedSequencesFollow(table.name))
                let current = flips ? table.unlogged : previous.sequenceUnlogged ?? oldTable?.unlogged ?? table.unlogged
                statements += TableDDL.identitySequenceExtras(identity, from: previous, of: new.name, in: table.name,
                                                              unlogged: (current, table.unlogged))
            } else {
                if !old.notNull { statements += setNotNull(new, of: table) }
                statements.append(Statement("\(alter) ADD GENERATED \(identity.generation.rawValue) AS IDENTITY "
                                            + "(\(TableDDL.identityOptions(identity)))", hazards: lock))
                if holdsRows(table.name) {
                    statements.append(continuing(TableDDL.identitySequence(identity, of: new.name, in: table.name), after: new.name,
                                                 of: table.name, options: identity.sequence))
                }
                statements += TableDDL.identitySequenceExtras(identity, from: nil, of: new.name, in: table.name)
            }
        }
        // Each table's own settings are written for it: ONLY keeps the parent's from reaching
        // its partitions and children (SET STATISTICS and SET STORAGE recurse by default).
        let only = "ALTER TABLE ONLY \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(new.name))"
        if old.storage != new.storage { statements.append(Statement("\(only) SET STORAGE \(new.storage ?? "EXTENDED")", hazards: lock)) }
        if old.compression != new.compression { statements.append(Statement("\(only) SET COMPRESSION \(new.compression ?? "DEFAULT")", hazards: lock)) }
        if old.statisticsTarget != new.statisticsTarget {
            statements.append(Statement("\(only) SET STATISTICS \(new.statisticsTarget ?? -1)", hazards: lock))
        }
        statements += SQLWriting.parameters(of: only, from: old.options, to: new.options, hazards: lock)
        if old.comment != new.comment {
            statements.append(SQLWriting.comment(on: "COLUMN \(table.name.sql).\(SQLWriting.ident(new.name))", new.comment))
        }
        statements += TableDDL.notNullComment(new, of: after.tables[table.name] ?? table, after.tables, from: old.notNull ? old.notNullComment : nil)
        statements += PrivilegeDDL.statements(on: "TABLE \(table.name.sql)", from: old.privileges, to: new.privileges, column: new.name)
        return statements
    }

    /// The name `column`'s NOT NULL holds in `table` of `model` (`TableDDL.givenNotNullName`).
    private func givenNotNullName(of column: Column, in table: QualifiedName, _ model: ModelIndex) -> String {
        model.tables[table].map { TableDDL.givenNotNullName(of: column, in: $0, model.tables) } ?? TableDDL.notNullName(of: column, in: table)
    }

    /// Whether `column`'s NOT NULL was a parent's too in the old model (its constraint inherited,
    /// 18), which the server renames on no child.
    private func inheritsNotNull(_ column: Column, of table: QualifiedName) -> Bool {
        (before.tables[table]?.parents ?? []).contains { before.tables[$0]?.column(column.name)?.notNullInherited == true }
    }

    /// Whether `table` of the old model has column `name` from a parent: ALTER TABLE on the
    /// parent reaches it, and the server refuses the same change on the child itself.
    private func inheritsColumn(_ name: String, of table: Table) -> Bool {
        table.parents.contains { holdsRows($0) && before.tables[$0]?.column(name) != nil }
    }

    /// 18: the own NOT NULLs of `table`'s descendants on `column`, which becomes NOT NULL on
    /// `table`, where the target holds them under the name `table`'s gives them: the parent's
    /// statement would merge with each and keep its name (the server renames no inherited
    /// constraint), so each is dropped first and the parent's reaches it. Not where another
    /// parent gives it one already (the server would refuse the drop).
    private func notNullsGivingWay(to column: Column, of table: Table) -> [Statement] {
        guard (options.serverMajor ?? 0) >= 18, column.notNullInherited else { return [] }
        return after.descendants(of: table.name).compactMap { name -> Statement? in
            guard let was = before.tables[name]?.column(column.name), was.notNull, !inheritsNotNull(was, of: name),
                  let now = after.tables[name]?.column(column.name), now.notNull, now.notNullLocal != true,
                  givenNotNullName(of: now, in: name, after) != givenNotNullName(of: was, in: name, before) else { return nil }
            return Statement("ALTER TABLE ONLY \(name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) DROP NOT NULL", hazards: locking(name))
        }
    }

    /// Whether `column` of `table` becomes NOT NULL as a valid copy of a parent's `NOT VALID`
    /// NOT NULL the plan adds (18, `TableDDL.validatesParentsNotNull`): the parent's reaches it,
    /// under the parent's name, and it is validated there (`validatingCopies`); set on the
    /// table itself first, it would be its own, under its own name.
    private func validatesNewParentsNotNull(_ column: Column, of table: Table) -> Bool {
        let parents = table.parents.compactMap { after.tables[$0] }
        return TableDDL.validatesParentsNotNull(column, parents: parents) && parents.contains { parent in
            parent.constraints.contains { added in
                added.kind == .notNull && !added.validated && added.columns == [column.name]
                    && before.tables[parent.name]?.constraints.contains { $0.name == added.name && $0.kind == .notNull } != true
            }
        }
    }

    /// Whether `column` of `table` comes from a parent whose own column of that name becomes
    /// NOT NULL too: the parent's statement recurses and gives the child the constraint, under
    /// the parent's name (18), which a statement of the child's own would mark as its own, or
    /// (online, 18) fail on. Only a parent that stays, and was the child's parent already: one
    /// created again, or joined after the columns change, does not recurse to it.
    private func inheritsSetNotNull(of column: Column, in table: Table) -> Bool {
        let parentsBefore = Set(before.tables[table.name]?.parents ?? [])
        return table.parents.contains { parent in
            guard parentsBefore.contains(parent), existingTables.contains(ObjectID(.table, parent)),
                  let now = after.tables[parent]?.column(column.name) else { return false }
            guard let was = before.tables[parent]?.column(column.name) else {
                // The parent's column is added NOT NULL and merges with the child's (18 on): the
                // child gets the parent's constraint, inherited; its own SET NOT NULL would make it
                // its own as well, where the target has it inherited only.
                return now.notNullInherited && column.notNullLocal != true && (options.serverMajor ?? 0) >= 18
            }
            // (Or one `NO INHERIT` that now reaches its children, 18.)
            return now.notNullInherited && !was.notNullInherited
        }
    }

    /// `ALTER COLUMN … TYPE` on a partitioned table builds its partitions' indexes over the column
    /// again (at every depth), under names of the server's choosing, made from the column's name
    /// as it is now: each takes its target name back, found by its attachment. Only those of
    /// partitions and parent indexes that stay (others are made, and named, by the plan).
    private func renamingRebuiltCopies(under table: QualifiedName, column: String) -> [Statement] {
        var statements: [Statement] = []
        var parents = [table]
        var seen: Set<QualifiedName> = [table]
        while !parents.isEmpty {
            let parent = parents.removeFirst()
            for partition in after.partitions(of: parent) where seen.insert(partition.name).inserted {
                parents.append(partition.name)
                let id = ObjectID(.table, partition.name)
                guard existingTables.contains(id), before.tables[partition.name]?.partitionOf == parent else { continue }
                for index in partition.indexes where Planner.mentions(index.definition, column) {
                    guard let attachedTo = index.attachedTo, before.member(ObjectID(.index, index.name, on: id)) != nil else { continue }
                    let parentIndex = ObjectID(.index, attachedTo, on: ObjectID(.table, parent))
                    guard before.member(parentIndex) != nil, !rebuiltMembers.contains(parentIndex) else { continue }
                    statements.append(IndexDDL.renameCopy(of: QualifiedName(schema: parent.schema, name: attachedTo), on: partition.name, to: index.name))
                }
            }
        }
        return statements
    }

    /// Whether `column` of `table` comes from a parent (a partition's, or plain inheritance)
    /// whose own column of that name changes type or collation too, and takes the child's with it.
    private func inheritsRetype(of column: Column, in table: Table) -> Bool {
        table.parents.contains { parent in
            guard holdsRows(parent), let newParent = after.tables[parent], let oldParent = before.tables[parent],
                  let now = newParent.column(column.name), let was = oldParent.column(column.name) else { return false }
            return now.type != was.type || now.collation != was.collation
        }
    }

    private func isEnum(_ type: String, in model: ModelIndex) -> Bool {
        model.model.enums.contains { Planner.uses(type, $0.name) }
    }

    private func isComposite(_ type: String, in model: ModelIndex) -> Bool {
        model.model.compositeTypes.contains { Planner.uses(type, $0.name) }
    }

    /// The user's range type that `type` is, or is the multirange of, in `model`.
    private func userRange(_ type: String, in model: ModelIndex) -> DefinedObject? {
        model.model.definedObjects.first { object in
            object.kind == .rangeType
                && (Planner.uses(type, ModelIndex.name(object.id)) || object.multirangeType.map { Planner.uses(type, $0) } == true)
        }
    }

    /// The type a domain of `model` is over, through domains over domains (an array of one, an
    /// array of its base); any other type as it is.
    private func domainBase(_ type: String, in model: ModelIndex) -> String {
        var type = type
        for _ in 0..<16 {
            let array = type.hasSuffix("[]")
            guard let domain = model.model.domains.first(where: { Planner.uses(type, $0.name) }) else { break }
            type = domain.baseType + (array && !domain.baseType.hasSuffix("[]") ? "[]" : "")
        }
        return type
    }

    /// What goes between a value of `from` and `::to` in a USING: through text from or to an
    /// enum (between enums there is no cast) or between two composite types (powa's
    /// `kcache_type[]` column became `powa_kcache_type[]`: "cannot cast type"), or from or to a
    /// user's range type (two range types have no cast; a range has one to its own multirange
    /// only), else `CastRoute`'s way. A domain is judged by the type it is over: a value casts
    /// to a domain as to its base (`uuid` has no cast to a domain over `integer`).
    private func castRoute(from: String, to: String, array: Bool) -> String {
        let (from, to) = (domainBase(from, in: before), domainBase(to, in: after))
        let range = userRange(from, in: before)
        let ownMultirange = range?.multirangeType.map { Planner.uses(to, $0) } == true
        let viaText = isEnum(from, in: before) || isEnum(to, in: after)
            || from != to && (isComposite(from, in: before) || isComposite(to, in: after)
                              || (range != nil || userRange(to, in: after) != nil) && !ownMultirange)
        return viaText ? "::text" + (array ? "[]" : "") : CastRoute.via(from: from, to: to)
    }

    /// `SET NOT NULL`; online, the scan under a weaker lock first: from 18 the NOT NULL itself is
    /// added `NOT VALID` and validated; before, through a check validated first (12 and later
    /// then skip the scan that `SET NOT NULL` would make).
    private func setNotNull(_ column: Column, of table: Table) -> [Statement] {
        let alter = "ALTER TABLE \(table.name.sql)"
        let set = TableDDL.setNotNull(column, of: table.name)
        guard holdsRows(table.name) else { return [Statement(set)] }
        guard options.online else { return [Statement(set, hazards: [.validation(table.name), .accessExclusiveLock(table.name)])] }
        if (options.serverMajor ?? 0) >= 18 {
            let name = SQLWriting.ident(TableDDL.notNullName(of: column, in: table.name))
            return [
                Statement("\(alter) ADD CONSTRAINT \(name) NOT NULL \(SQLWriting.ident(column.name))"
                          + (column.notNullNoInherit == true ? " NO INHERIT" : "") + " NOT VALID",
                          hazards: [.accessExclusiveLock(table.name)]),
                Statement("\(alter) VALIDATE CONSTRAINT \(name)", hazards: [.validation(table.name)]),
            ]
        }
        let check = SQLWriting.ident(SQLWriting.derivedName(column.name, suffix: "_not_null_schemactl"))
        return [
            Statement("\(alter) ADD CONSTRAINT \(check) CHECK (\(SQLWriting.ident(column.name)) IS NOT NULL) NOT VALID",
                      hazards: [.accessExclusiveLock(table.name)]),
            Statement("\(alter) VALIDATE CONSTRAINT \(check)", hazards: [.validation(table.name)]),
            Statement(set, hazards: [.accessExclusiveLock(table.name)]),
            Statement("\(alter) DROP CONSTRAINT \(check)", hazards: [.accessExclusiveLock(table.name)]),
        ]
    }

    /// Type changes that keep every value: to a wider integer, a longer or unbounded string, numeric to unbounded.
    static func isWidening(from old: String, to new: String) -> Bool {
        let integers = ["smallint", "integer", "bigint"]
        if let from = integers.firstIndex(of: old), let to = integers.firstIndex(of: new) { return to >= from }
        if integers.contains(old) && (new == "numeric" || new == "text") { return true }
        if let from = Self.length(old, "character varying"), new == "text" || new == "character varying" { _ = from; return true }
        if let from = Self.length(old, "character varying"), let to = Self.length(new, "character varying") { return to >= from }
        if old == "character varying" && new == "text" || old == "text" && new == "character varying" { return true }
        if old.hasPrefix("numeric") && new == "numeric" { return true }
        if old == "real" && new == "double precision" { return true }
        if old == "timestamp without time zone" && new == "timestamp with time zone" { return false }
        // numeric(p, s) to numeric(q, t): no digit lost where neither the scale nor the digits
        // before the point shrink (numeric(10,2) to numeric(12,2)).
        if let (p, s) = numericTypmod(old), let (q, t) = numericTypmod(new) { return t >= s && q - t >= p - s }
        if let from = fractionalPrecision(old), let to = fractionalPrecision(new), from.base == to.base { return to.digits >= from.digits }
        if let from = length(old, "bit varying"), let to = length(new, "bit varying") { return to >= from }
        if length(old, "bit varying") != nil && new == "bit varying" { return true }
        if old == "cidr" && new == "inet" { return true }
        return new == "text" && !old.hasSuffix("[]")
    }

    /// Changes PostgreSQL makes without rewriting the table.
    static func isBinaryCompatible(from old: String, to new: String) -> Bool {
        if old == "character varying" && new == "text" || old == "text" && new == "character varying" { return true }
        if let from = length(old, "character varying"), let to = length(new, "character varying") { return to >= from }
        if length(old, "character varying") != nil && (new == "text" || new == "character varying") { return true }
        if old.hasPrefix("numeric(") && new == "numeric" { return true }
        // The server's length and precision support functions (numeric_support, varbit_support,
        // timestamp_support, …) skip the rewrite where every value stays as it is stored.
        if let (p, s) = numericTypmod(old), let (q, t) = numericTypmod(new) { return t == s && q >= p }
        if let from = fractionalPrecision(old), let to = fractionalPrecision(new), from.base == to.base { return to.digits >= from.digits }
        if let from = length(old, "bit varying"), let to = length(new, "bit varying") { return to >= from }
        if length(old, "bit varying") != nil && new == "bit varying" { return true }
        if old == "cidr" && new == "inet" { return true }
        return false
    }

    /// `numeric(12,2)` as (12, 2), `numeric(12)` as (12, 0); nil for unconstrained numeric and other types.
    private static func numericTypmod(_ type: String) -> (Int, Int)? {
        guard type.hasPrefix("numeric("), type.hasSuffix(")") else { return nil }
        let parts = type.dropFirst("numeric(".count).dropLast().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let precision = parts.first ?? nil else { return nil }
        return parts.count == 2 ? parts[1].map { (precision, $0) } : (precision, 0)
    }

    /// The fractional-second precision of `timestamp(3) with time zone`, `time(0) without time
    /// zone` or `interval(2)` (6, the most, where none is written), with the type it is of.
    private static func fractionalPrecision(_ type: String) -> (base: String, digits: Int)? {
        for (base, suffix) in [("timestamp", " without time zone"), ("timestamp", " with time zone"), ("time", " without time zone"),
                               ("time", " with time zone"), ("interval", "")] {
            if type == base + suffix { return (base + suffix, 6) }
            guard type.hasPrefix(base + "("), type.hasSuffix(")" + suffix),
                  let digits = Int(type.dropFirst(base.count + 1).dropLast(suffix.count + 1)) else { continue }
            return (base + suffix, digits)
        }
        return nil
    }

    private static func length(_ type: String, _ base: String) -> Int? {
        guard type.hasPrefix(base + "("), type.hasSuffix(")") else { return nil }
        return Int(type.dropFirst(base.count + 1).dropLast())
    }

    // MARK: Finishing

    /// REPLICA IDENTITY and CLUSTER ON of a table created or changed, after its indexes.
    func indexSettings(_ id: ObjectID, work: Planner.Work) -> [Statement] {
        guard let table = after.tables[ModelIndex.name(id)] else { return [] }
        if work.addedTop.contains(id) || work.rebuilt.contains(id) { return TableDDL.indexSettings(table) }
        guard let change = work.changedTop[id], case let .table(old)? = change.old else { return [] }
        var statements: [Statement] = []
        if old.replicaIdentity != table.replicaIdentity {
            statements.append(Statement("ALTER TABLE \(table.name.sql) REPLICA IDENTITY \(table.replicaIdentity ?? "DEFAULT")"))
        }
        if old.clusterOn != table.clusterOn {
            statements.append(Statement(table.clusterOn.map { "ALTER TABLE \(table.name.sql) CLUSTER ON \(SQLWriting.ident($0))" }
                                        ?? "ALTER TABLE \(table.name.sql) SET WITHOUT CLUSTER"))
        }
        return statements
    }

    /// The state and comment of each trigger a partition has from its parent, where its own
    /// (or were before): set after the parent's triggers are created, which clones them, and
    /// after their own states are set, which may reach the partitions (15+). `touched` holds
    /// the triggers created or changed in the plan and, as the tables go parents first, the
    /// partitions' states already set; under them a clone is new, and set again.
    func partitionTriggerStates(_ id: ObjectID, work: Planner.Work, touched: inout Set<ObjectID>) -> [Statement] {
        let name = ModelIndex.name(id)
        guard let table = after.tables[name], let parent = table.partitionOf else { return [] }
        let created = work.addedTop.contains(id) || work.rebuilt.contains(id)
        let old = created ? [] : before.tables[name]?.partitionTriggerStates ?? []
        let new = table.partitionTriggerStates ?? []
        var statements: [Statement] = []
        func comment(_ trigger: String, _ text: String?) {
            statements.append(SQLWriting.comment(on: "TRIGGER \(SQLWriting.ident(trigger)) ON \(name.sql)", text))
        }
        for state in new {
            let renewed = created || touched.contains(ObjectID(.trigger, state.trigger, on: ObjectID(.table, parent)))
            let previous = old.first { $0.trigger == state.trigger }
            let enabled = state.enabled ?? (renewed ? nil : previous?.enabled.flatMap { _ in effectiveState(of: state.trigger, on: parent) })
            if let enabled, renewed || previous?.enabled != state.enabled {
                statements += TriggerDDL.state(state.trigger, enabled, on: name)
                touched.insert(ObjectID(.trigger, state.trigger, on: id))
            }
            if renewed ? state.comment != nil : previous?.comment != state.comment { comment(state.trigger, state.comment) }
        }
        // What is now the parent's again, where the trigger is still there.
        for state in old where !new.contains(where: { $0.trigger == state.trigger }) {
            guard let enabled = effectiveState(of: state.trigger, on: parent) else { continue }
            if state.enabled != nil {
                statements += TriggerDDL.state(state.trigger, enabled, on: name)
                touched.insert(ObjectID(.trigger, state.trigger, on: id))
            }
            if state.comment != nil { comment(state.trigger, nil) }
        }
        return statements
    }

    /// The state trigger `trigger` has on `relation` in the new model: its own, or its parent's.
    private func effectiveState(of trigger: String, on relation: QualifiedName) -> String? {
        guard let table = after.tables[relation] else { return nil }
        if let state = table.partitionTriggerStates?.first(where: { $0.trigger == trigger })?.enabled { return state }
        if let own = table.trigger(trigger) { return own.enabled }
        return table.partitionOf.flatMap { effectiveState(of: trigger, on: $0) }
    }

    /// `OWNED BY` of a sequence created, or whose owner changed, once its column exists.
    func sequenceOwnership(_ id: ObjectID, work: Planner.Work) -> [Statement] {
        guard let sequence = after.sequences[ModelIndex.name(id)] else { return [] }
        if work.addedTop.contains(id) || work.rebuilt.contains(id) || work.sequencesDetached.contains(id) {
            return sequence.ownedBy == nil ? [] : [TypeDDL.ownership(sequence)]
        }
        guard let change = work.changedTop[id], case let .sequence(old)? = change.old, old.ownedBy != sequence.ownedBy else { return [] }
        return [TypeDDL.ownership(sequence)]
    }
}
