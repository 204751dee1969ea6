import SQLGeneration
import SchemaModel

/// A seeded random schema history: each `next()` is one edit (SQL) that is
/// valid on the schema the edits before it made. The same seed gives the same
/// edits, so a failure found at step N of seed S is found again.
///
/// The edits are the ones plans get wrong: types changed under views, columns
/// dropped under indexes and foreign keys, enum values added, functions and
/// triggers replaced, defaults, nullability, checks, comments; generated columns
/// whose expression changes, functions a default calls whose result type changes, functions
/// whose SQL-standard bodies read a column; indexes, checks and foreign keys renamed;
/// partitioned tables whose partitions come, go and are detached; domains and composite types
/// and the columns of them; materialized views with their indexes; row security and policies;
/// grants; columns and tables renamed; identity columns and owned sequences; storage options;
/// keys widened under the foreign keys that reference them; enum values removed; checks and
/// indexes given another definition under the same name; primary keys renamed; replica
/// identities; collations; foreign keys' actions; functions replaced under the views and
/// materialized views that call them; indexes with included columns, expressions and operator
/// classes; unlogged tables; views' INSTEAD OF triggers; rules; checks children do not inherit; schemas, and tables made in
/// them and moved between them; partitions by list and hash, and default partitions; extended
/// statistics; triggers on `UPDATE OF` a column; comments and privileges on what plans make
/// again around a change (indexes, constraints, triggers, policies, views and their columns,
/// functions, sequences); privileges granted to roles, default privileges; triggers on
/// partitioned tables, with transition tables, constraint triggers, triggers disabled; views'
/// options and column defaults; hash and BRIN indexes, index storage, tables clustered;
/// generated columns over other columns, retyped under them; publications of whole tables, of
/// column lists and of row filters, over columns later retyped, dropped and renamed, of tables
/// later made unlogged; an extension moved between its versions, up and down; foreign tables
/// with options, checks, triggers and views, on servers edited, moved between; foreign partitions
/// and inheritance children under tables whose columns change. Each step's renames are told
/// (`renames`), so a plan can be proved with them confirmed too.
public struct RandomHistory: Sendable {
    struct Column: Sendable {
        var name: String
        var type: String
        var notNull = false
        var defaultValue: String?
        /// A stored generated column (`source * factor`): it takes no default.
        var generated = false
        /// The column a generated column reads (`id`, or another integer column), and by what it multiplies it.
        var source = "id"
        var factor = 2
        var identity = false

        /// `name type [NOT NULL]`, as a table's column list declares it.
        var declaration: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")" }
    }

    struct Table: Sendable {
        var name: String
        var columns: [Column]
        var indexes: [String: String] = [:]
        var checks: [String] = []
        var foreignKeys: [String: String] = [:]
        var trigger: String?
        /// The function the trigger runs, and the column its WHEN reads, if it has one.
        var triggerFunction: String?
        var whenColumn: String?
        /// Partitioned (of `id`, by `strategy`): its partitions, by name.
        var partitions: [String]?
        /// Where the next partition's range starts.
        var nextBound = 0
        /// Policies, with the column each reads.
        var policies: [String: String] = [:]
        var rowSecurity = false
        /// Its primary key's name (`t1_pkey` at first: a table renamed keeps it).
        var primaryKey = ""
        var unlogged = false
        /// Its schema (`public`, or one the history made: on the history's search_path).
        var schema = "public"
        /// How it is partitioned: `RANGE`, `LIST` or `HASH`, all of `id`.
        var strategy = "RANGE"
        /// Its default partition, if it has one.
        var defaultPartition: String?
        /// Whether its trigger fires on `UPDATE OF` its `whenColumn` rather than `WHEN` it changes.
        var updateOf = false

        var partitioned: Bool { partitions != nil }
    }

    struct View: Sendable {
        var name: String
        var table: String
        var columns: [String]
        /// A materialized view's index, on this column.
        var index: String?
        /// A view's `INSTEAD OF INSERT` trigger.
        var trigger: String?
    }

    /// A table a publication names: whole, with a column list (its key and another column), or
    /// with a row filter over a column (`… IS NOT NULL`, whatever its type becomes). Always
    /// `ONLY`: the history's inheritance children are edited through their parent, never published.
    struct Published: Sendable {
        var table: String
        var columns: [String]?
        var filter: String?
        /// The columns it names: the server refuses their drop or a change of their type under it.
        var names: Set<String> { Set(columns ?? []).union(filter.map { [$0] } ?? []) }
        var sql: String {
            "ONLY " + table + (columns.map { " (\($0.joined(separator: ", ")))" } ?? "") + (filter.map { " WHERE (\($0) IS NOT NULL)" } ?? "")
        }
    }

    struct Publication: Sendable {
        var name: String
        var tables: [Published]
    }

    var random: SplitMix64
    var tables: [Table] = []
    var publications: [Publication] = []
    var views: [View] = []
    var enums: [String: [String]] = [:]
    /// Functions a column default calls, with that column.
    var functions: [String: (table: String, column: String)] = [:]
    /// Functions with a SQL-standard body, with the column they read.
    var readers: [String: (table: String, column: String)] = [:]
    var matviews: [View] = []
    /// Domains over integer, with their check constraints' names.
    var domains: [String: [String]] = [:]
    /// Composite types, with their attributes' names.
    var composites: [String: [String]] = [:]
    /// Tables that inherit from a table of the history, with that parent: the history edits them
    /// only through the parent (their inherited columns are the parent's to change).
    var children: [(name: String, parent: String)] = []
    /// Sequences a column owns and takes its default from.
    var sequences: [String: (table: String, column: String)] = [:]
    /// Views that call a function on a table's `id`, with that function (`id * k`, of bigint).
    var callingViews: [(name: String, table: String, function: String)] = []
    /// Partitions that are partitioned themselves (by range of `id` too), with where their own
    /// range starts and their partitions.
    var subpartitions: [String: (from: Int, leaves: [String])] = [:]
    /// Rules on a table that read its `id`.
    var rules: [(name: String, table: String)] = []
    /// The result types of the functions those views call.
    var resultTypes: [String: String] = [:]
    /// Extended statistics, with their table and the columns they cover.
    var statistics: [String: (table: String, columns: [String])] = [:]
    /// Schemas the history made, in order: all on its search_path after `public`.
    var schemas: [String] = []
    /// Triggers of other forms (`triggerVariant`), with their tables.
    var extraTriggers: [(name: String, table: String)] = []
    /// Whether the history's roles (`roles`) are made.
    var rolesMade = false
    /// What the last edit renamed or moved: a plan given these as `--rename` must hold too.
    public internal(set) var renames: [Rename] = []
    /// Foreign tables, the servers they are on (of wrapper `rh_wrapper`), the views over them,
    /// and the servers with a user mapping for PUBLIC (`foreignTableEdit`).
    var foreignTables: [ForeignTable] = []
    var foreignServers: [String] = []
    var foreignViews: [View] = []
    var foreignTrees: [ForeignTree] = []
    var userMappings: Set<String> = []
    var foreignWrapperMade = false
    /// The version of `pg_trgm` the history made (`extensionEdit`), if it did.
    var trigramVersion: String?
    var counter = 0
    /// A table `stageAttach` made, to be attached to `parent` by the next step.
    var pendingAttach: (name: String, parent: String, bound: String)?
    /// Whether functions may have SQL-standard bodies (`BEGIN ATOMIC`, PostgreSQL 14 and later).
    let standardBodies: Bool
    /// Whether publications may have column lists and row filters (PostgreSQL 15 and later).
    let publicationFilters: Bool
    /// Whether the server has `pg_trgm` (contrib; the wheel that brings 16 to CI has none).
    let trigrams: Bool

    public init(seed: UInt64, standardBodies: Bool = true, publicationFilters: Bool = true, trigrams: Bool = true) {
        random = SplitMix64(seed: seed)
        self.standardBodies = standardBodies
        self.publicationFilters = publicationFilters
        self.trigrams = trigrams
    }

    mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    /// A new name for constraint `existing` of `column`, with its kind's prefix kept (`ck`, `ex`, `fk`):
    /// an exclusion constraint renamed `ck…` was later taken for a check on an integer (seed 307:
    /// `CHECK (rg9 <> 7)` on a tstzrange).
    mutating func renamedConstraint(_ existing: String, column: some StringProtocol) -> String {
        fresh(String(existing.prefix { $0.isLetter })) + "_" + column
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

    mutating func chance(_ percent: Int) -> Bool { Int(random.next() % 100) < percent }

    /// The views that read `name` (a table or a view), at any depth, each after the one it
    /// reads: dropped (in reverse) and made again (in order) around a change to it.
    func views(on name: String) -> [View] { dependents(of: [name]) }

    /// The views that read any of `names`, or a view among them, at any depth, in an order that
    /// makes each after the one it reads (the list's own order may not: renamed views go last).
    func dependents(of names: Set<String>) -> [View] {
        var reached = names
        var result: [View] = []
        var added = true
        while added {
            added = false
            for view in views where reached.contains(view.table) && !reached.contains(view.name) {
                result.append(view)
                reached.insert(view.name)
                added = true
            }
        }
        return result
    }

    /// `views` without those of `gone` and the views that read them, at any depth.
    mutating func forgetViews(_ gone: [View]) {
        let names = Set(gone.map(\.name)).union(dependents(of: Set(gone.map(\.name))).map(\.name))
        views.removeAll { names.contains($0.name) }
    }

    func createView(_ view: View) -> String {
        "CREATE VIEW \(view.name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(view.table)"
            + (view.trigger.map { ";\n" + viewTrigger($0, on: view.name) } ?? "")
    }

    func viewTrigger(_ name: String, on view: String) -> String {
        "CREATE TRIGGER \(name) INSTEAD OF INSERT ON \(view) FOR EACH ROW EXECUTE FUNCTION view_write()"
    }

    /// One edit.
    public mutating func next() -> String {
        renames = []
        // A table made last step to join a partitioned table joins it now (`stageAttach`).
        if let (name, parent, bound) = pendingAttach, let index = tables.firstIndex(where: { $0.name == parent }) {
            pendingAttach = nil
            tables[index].partitions!.append(name)
            return "ALTER TABLE \(parent) ATTACH PARTITION \(name) \(bound)"
        }
        if tables.count < 2 { return createTable() }
        switch random.next() % 50 {
        case 0: return tables.count < 8 ? createTable() : addColumn()
        case 1: return dropTable()
        case 2, 3: return addColumn()
        case 4: return dropColumn()
        case 5: return changeType()
        case 6: return toggleNotNull()
        case 7: return changeDefault()
        case 8: return addOrDropIndex()
        case 9: return addOrDropCheck()
        case 10: return addOrDropForeignKey()
        case 11: return addOrDropView()
        case 12: return enumEdit()
        case 13: return functionAndTrigger()
        case 14: return chance(50) ? comment() : renameIndexOrConstraint()
        case 15:
            switch random.next() % 3 {
            case 0: return generatedColumn()
            case 1: return functionDefault()
            default: return standardBodyReader()
            }
        case 16: return partitionEdit()
        case 17: return domainEdit()
        case 18: return compositeEdit()
        case 19: return materializedViewEdit()
        case 20: return policyEdit()
        case 21: return chance(50) ? renameColumn() : renameTable()
        case 22: return chance(50) ? identityEdit() : sequenceEdit()
        case 23: return inheritanceEdit()
        case 24: return uniqueOrExclusion()
        case 26: return keyRetype()
        case 27: return enumRemove()
        case 28: return redefine()
        case 29: return collationEdit()
        case 30: return foreignKeyAction()
        case 31: return callingViewEdit()
        case 32: return indexVariant()
        case 33: return persistenceEdit()
        case 34: return viewTriggerEdit()
        case 35: return ruleEdit()
        case 36: return noInheritCheck()
        case 37: return schemaEdit()
        case 38: return statisticsEdit()
        case 39: return chance(50) ? partitionEdit() : publicationEdit()
        case 40: return memberNote()
        case 41: return roleGrantEdit()
        case 42: return triggerVariant()
        case 43: return chance(50) ? viewOptionEdit() : indexStorageEdit()
        case 44, 45: return extensionEdit()
        case 46, 47, 48, 49: return foreignTableEdit()
        default:
            switch random.next() % 4 {
            case 0: return grantEdit()
            case 1: return storageEdit()
            case 2: return publicationEdit()
            default: return enumRename()
            }
        }
    }

    mutating func createTable() -> String {
        let name = fresh("t")
        var columns = [Column(name: "id", type: "integer", notNull: true)]
        for _ in 0..<(1 + Int(random.next() % 3)) {
            columns.append(Column(name: fresh("c"), type: pick(["integer", "text", "bigint", "boolean", "numeric(10,2)", "varchar(40)"])))
        }
        tables.append(Table(name: name, columns: columns, primaryKey: name + "_pkey"))
        let list = columns.map(\.declaration).joined(separator: ", ")
        return "CREATE TABLE \(name) (\(list), PRIMARY KEY (id))"
    }

    mutating func dropTable() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let name = tables[index].name
        tables.remove(at: index)
        forgetViews(views.filter { $0.table == name })
        matviews.removeAll { $0.table == name }
        callingViews.removeAll { $0.table == name }
        rules.removeAll { $0.table == name }
        readers = readers.filter { $0.value.table != name }
        sequences = sequences.filter { $0.value.table != name }
        children.removeAll { $0.parent == name }
        statistics = statistics.filter { $0.value.table != name }
        extraTriggers.removeAll { $0.table == name }
        forgetPublished { $0.table == name }
        for position in tables.indices { tables[position].foreignKeys = tables[position].foreignKeys.filter { $0.value != name } }
        return "DROP TABLE \(name) CASCADE"
    }

    mutating func addColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let types = ["integer", "text", "bigint", "date", "jsonb", "timestamptz"] + enums.keys.sorted()
            + domains.keys.sorted() + composites.keys.sorted()
        var column = Column(name: fresh("c"), type: pick(types))
        if chance(30), column.type == "integer" || column.type == "text" {
            column.defaultValue = column.type == "integer" ? "\(random.next() % 100)" : "'x\(random.next() % 10)'"
        }
        tables[index].columns.append(column)
        return "ALTER TABLE \(tables[index].name) ADD COLUMN \(column.name) \(column.type)"
            + (column.defaultValue.map { " DEFAULT \($0)" } ?? "")
    }

    mutating func dropColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        guard tables[index].columns.count > 1 else { return addColumn() }
        let position = 1 + Int(random.next() % UInt64(tables[index].columns.count - 1))
        let column = tables[index].columns.remove(at: position)
        forget(column.name, of: index)
        return "ALTER TABLE \(tables[index].name) DROP COLUMN \(column.name) CASCADE"
    }

    /// What `DROP COLUMN … CASCADE` takes with a column (views, indexes, constraints, policies,
    /// functions reading it, the sequence it owns), forgotten as the history below records.
    mutating func forget(_ column: String, of index: Int) {
        let table = tables[index].name
        // Its generated columns go with it (CASCADE), and what reads them.
        for reader in tables[index].columns.filter({ $0.generated && $0.source == column && $0.name != column }) {
            tables[index].columns.removeAll { $0.name == reader.name }
            forget(reader.name, of: index)
        }
        forgetViews(views.filter { $0.table == table && $0.columns.contains(column) })
        matviews.removeAll { $0.table == table && $0.columns.contains(column) }
        if tables[index].whenColumn == column {
            tables[index].trigger = nil
            tables[index].whenColumn = nil
        }
        statistics = statistics.filter { $0.value.table != table || !$0.value.columns.contains(column) }
        readers = readers.filter { $0.value.table != table || $0.value.column != column }
        sequences = sequences.filter { $0.value.table != table || $0.value.column != column }
        tables[index].indexes = tables[index].indexes.filter { $0.value != column }
        tables[index].foreignKeys = tables[index].foreignKeys.filter { !$0.key.hasSuffix("_" + column) }
        tables[index].checks.removeAll { $0.hasSuffix("_" + column) }
        tables[index].policies = tables[index].policies.filter { $0.value != column }
        // CASCADE takes the table out of a publication whose list or filter names the column.
        forgetPublished { $0.table == table && $0.names.contains(column) }
    }

    mutating func changeType() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let candidates = tables[index].columns.indices.filter { position in
            let column = tables[index].columns[position]
            return ["integer", "varchar(40)", "numeric(10,2)"].contains(column.type) && column.name != "id"
                && !tables[index].foreignKeys.keys.contains { $0.hasSuffix("_" + column.name) }
        }
        guard let position = candidates.first else { return addColumn() }
        let column = tables[index].columns[position]
        let newType = ["integer": "bigint", "varchar(40)": "text", "numeric(10,2)": "numeric(14,4)"][column.type]!
        tables[index].columns[position].type = newType
        let table = tables[index].name
        return around([column.name], of: index, ["ALTER TABLE \(table) ALTER COLUMN \(column.name) TYPE \(newType)"]).joined(separator: ";\n")
    }

    /// `change` to a column's type, as a history must make it: what the server will not change a
    /// type under (the views over the table, at any depth, and its materialized views; functions
    /// whose SQL-standard bodies read the column, policies that do, a trigger whose WHEN does)
    /// dropped before it and made again after.
    mutating func around(_ columns: Set<String>, of index: Int, _ change: [String]) -> [String] {
        let table = tables[index].name
        // A generated column over one of them is dropped and added again around the change (the
        // server changes no type under it), with what reads it; what the drop takes goes for good.
        let generated = tables[index].columns.filter { $0.generated && columns.contains($0.source) }
        let columns = columns.union(generated.map(\.name))
        for column in generated {
            tables[index].indexes = tables[index].indexes.filter { $0.value != column.name }
            tables[index].checks.removeAll { $0.hasSuffix("_" + column.name) }
            statistics = statistics.filter { $0.value.table != table || !$0.value.columns.contains(column.name) }
        }
        let change = generated.map { "ALTER TABLE \(table) DROP COLUMN \($0.name)" } + change
            + generated.map { "ALTER TABLE \(table) ADD COLUMN \($0.name) bigint GENERATED ALWAYS AS (\($0.source) * \($0.factor)) STORED" }
        let over = views(on: table), materialized = matviews.filter { $0.table == table }
        let calling = columns.contains("id") ? callingViews.filter { $0.table == table } : []
        let ruling = columns.contains("id") ? rules.filter { $0.table == table }.map(\.name) : []
        let reading = readers.keys.sorted().filter { readers[$0]!.table == table && columns.contains(readers[$0]!.column) }
        let policies = tables[index].policies.keys.sorted().filter { columns.contains(tables[index].policies[$0]!) }
        let trigger = tables[index].whenColumn.map(columns.contains) == true ? tables[index].trigger : nil
        // Publications whose column list or row filter names one: the table is taken out and put back.
        let publishing = publications.compactMap { publication in
            publication.tables.first { $0.table == table && !$0.names.isDisjoint(with: columns) }.map { (publication.name, $0) }
        }
        return publishing.map { "ALTER PUBLICATION \($0.0) DROP TABLE ONLY \(table)" }
            + ruling.map { "DROP RULE \($0) ON \(table)" } + calling.map { dropCallingView($0.name) }
            + over.reversed().map { "DROP VIEW \($0.name)" }
            + materialized.map { "DROP MATERIALIZED VIEW \($0.name)" }
            + reading.map { "DROP FUNCTION \($0)()" } + policies.map { "DROP POLICY \($0) ON \(table)" }
            + (trigger.map { ["DROP TRIGGER \($0) ON \(table)"] } ?? [])
            + change
            + reading.map { reader($0, table, readers[$0]!.column) } + over.map(createView)
            + calling.map { callingView($0.name, on: table, function: $0.function) }
            + ruling.map { rule($0, on: table) }
            + materialized.flatMap(createMaterializedView) + policies.map { createPolicy($0, table, tables[index].policies[$0]!) }
            + (trigger.map { [whenTrigger($0, on: table, column: tables[index].whenColumn!, function: tables[index].triggerFunction ?? "\(table)_audit",
                                          updateOf: tables[index].updateOf)] } ?? [])
            + publishing.map { "ALTER PUBLICATION \($0.0) ADD TABLE \($0.1.sql)" }
    }

    mutating func toggleNotNull() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        guard tables[index].columns.count > 1 else { return addColumn() }
        let position = 1 + Int(random.next() % UInt64(tables[index].columns.count - 1))
        // An identity column stays NOT NULL.
        guard !tables[index].columns[position].identity else { return identityEdit() }
        tables[index].columns[position].notNull.toggle()
        let column = tables[index].columns[position]
        return "ALTER TABLE \(tables[index].name) ALTER COLUMN \(column.name) \(column.notNull ? "SET" : "DROP") NOT NULL"
    }

    mutating func changeDefault() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let candidates = tables[index].columns.indices.filter {
            ["integer", "text", "bigint"].contains(tables[index].columns[$0].type) && !tables[index].columns[$0].generated
                && !tables[index].columns[$0].identity
        }
        guard let position = candidates.last else { return addColumn() }
        let column = tables[index].columns[position]
        let alter = "ALTER TABLE \(tables[index].name) ALTER COLUMN \(column.name)"
        if column.defaultValue != nil, chance(50) {
            tables[index].columns[position].defaultValue = nil
            return "\(alter) DROP DEFAULT"
        }
        let value = column.type == "text" ? "'d\(random.next() % 10)'" : "\(random.next() % 1000)"
        tables[index].columns[position].defaultValue = value
        return "\(alter) SET DEFAULT \(value)"
    }

    mutating func addOrDropIndex() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        if let existing = tables[index].indexes.keys.sorted().first, chance(40) {
            let column = tables[index].indexes.removeValue(forKey: existing)
            // Renamed, a plan renames it (nothing to build again); or dropped.
            guard chance(50), let column else { return "DROP INDEX \(existing)" }
            let name = fresh("ix")
            tables[index].indexes[name] = column
            return "ALTER INDEX \(existing) RENAME TO \(name)"
        }
        let column = pick(tables[index].columns).name
        let name = fresh("ix")
        tables[index].indexes[name] = column
        // A partitioned table's unique index must hold its partition key.
        let unique = chance(20) && !tables[index].partitioned ? "UNIQUE " : ""
        let predicate = chance(25) ? " WHERE \(column) IS NOT NULL" : ""
        return "CREATE \(unique)INDEX \(name) ON \(tables[index].name) (\(column))\(predicate)"
    }

    mutating func addOrDropCheck() -> String {
        // A table that has checks, half the time: else few are ever dropped or renamed.
        let holders = tables.indices.filter { !tables[$0].checks.isEmpty }
        let index = !holders.isEmpty && chance(50) ? pick(holders) : Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        if let existing = tables[index].checks.first, chance(40) {
            tables[index].checks.removeFirst()
            // Renamed (its column stays the suffix of its name), or dropped.
            guard chance(50), let column = existing.split(separator: "_", maxSplits: 1).last else {
                return "ALTER TABLE \(table) DROP CONSTRAINT \(existing)"
            }
            let name = renamedConstraint(existing, column: column)
            tables[index].checks.append(name)
            return "ALTER TABLE \(table) RENAME CONSTRAINT \(existing) TO \(name)"
        }
        guard let column = tables[index].columns.first(where: { ["integer", "bigint"].contains($0.type) && $0.name != "id" }) else {
            return addColumn()
        }
        let name = fresh("ck") + "_" + column.name
        tables[index].checks.append(name)
        return "ALTER TABLE \(table) ADD CONSTRAINT \(name) CHECK (\(column.name) >= 0)\(chance(20) ? " NOT VALID" : "")"
    }

    /// An index, check or foreign key renamed (a constraint's column stays the suffix of its name).
    mutating func renameIndexOrConstraint() -> String {
        let holders = tables.indices.filter { !tables[$0].indexes.isEmpty || !tables[$0].checks.isEmpty || !tables[$0].foreignKeys.isEmpty }
        guard !holders.isEmpty else { return addOrDropIndex() }
        let index = pick(holders)
        let (indexes, checks, keys) = (tables[index].indexes.keys.sorted(), tables[index].checks, tables[index].foreignKeys.keys.sorted())
        let existing = pick(indexes + checks + keys)
        if indexes.contains(existing) {
            let name = fresh("ix")
            tables[index].indexes[name] = tables[index].indexes.removeValue(forKey: existing)
            return "ALTER INDEX \(existing) RENAME TO \(name)"
        }
        let column = existing.split(separator: "_", maxSplits: 1).last.map(String.init) ?? ""
        let name = renamedConstraint(existing, column: column)
        if let position = checks.firstIndex(of: existing) {
            tables[index].checks[position] = name
        } else {
            tables[index].foreignKeys[name] = tables[index].foreignKeys.removeValue(forKey: existing)
        }
        return "ALTER TABLE \(tables[index].name) RENAME CONSTRAINT \(existing) TO \(name)"
    }

    mutating func addOrDropForeignKey() -> String {
        let holders = tables.indices.filter { !tables[$0].foreignKeys.isEmpty }
        let index = !holders.isEmpty && chance(50) ? pick(holders) : Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        if let existing = tables[index].foreignKeys.keys.sorted().first, chance(40) {
            let target = tables[index].foreignKeys.removeValue(forKey: existing)
            // Renamed (its column stays the suffix of its name), or dropped.
            guard chance(50), let target, let column = existing.split(separator: "_", maxSplits: 1).last else {
                return "ALTER TABLE \(table) DROP CONSTRAINT \(existing)"
            }
            let name = fresh("fk") + "_" + column
            tables[index].foreignKeys[name] = target
            return "ALTER TABLE \(table) RENAME CONSTRAINT \(existing) TO \(name)"
        }
        // A logged table's key may not reference an unlogged one.
        let target = pick(tables.filter { !$0.unlogged || tables[index].unlogged }).name
        let column = fresh("ref")
        let name = fresh("fk") + "_" + column
        tables[index].columns.append(Column(name: column, type: "integer"))
        tables[index].foreignKeys[name] = target
        return "ALTER TABLE \(table) ADD COLUMN \(column) integer, ADD CONSTRAINT \(name) FOREIGN KEY (\(column)) REFERENCES \(target) (id)"
            + pick(["", " ON DELETE CASCADE", " ON DELETE SET NULL", " DEFERRABLE INITIALLY DEFERRED"])
    }

    mutating func addOrDropView() -> String {
        if let existing = views.first, chance(35) {
            // CASCADE: the views that read it go too.
            forgetViews([existing])
            return "DROP VIEW \(existing.name) CASCADE"
        }
        // Its query changed, its columns kept and one more perhaps: a plan replaces it in place.
        if let position = views.indices.last, chance(60) {
            var view = views[position]
            let table = tables.first { $0.name == view.table }
            if let extra = table?.columns.map(\.name).first(where: { !view.columns.contains($0) }), chance(50) { view.columns.append(extra) }
            views[position] = view
            // A view over a view may not have `id`.
            let condition = table == nil ? "true" : pick(["true", "id > 0", "id IS NOT NULL"])
            return "CREATE OR REPLACE VIEW \(view.name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(view.table) WHERE \(condition)"
        }
        // A view over a view, a third of the time there is one.
        if let base = views.last, chance(33) {
            let columns = base.columns.filter { _ in chance(70) }
            let view = View(name: fresh("v"), table: base.name, columns: columns.isEmpty ? [base.columns[0]] : columns)
            views.append(view)
            return createView(view)
        }
        let table = pick(tables)
        let columns = table.columns.filter { _ in chance(60) }.map(\.name)
        let view = View(name: fresh("v"), table: table.name, columns: columns.isEmpty ? ["id"] : columns)
        views.append(view)
        return createView(view)
    }

    mutating func enumEdit() -> String {
        if let name = enums.keys.sorted().first, chance(60) {
            let label = fresh("l")
            let position = Int(random.next() % UInt64(enums[name]!.count))
            let neighbour = enums[name]![position]
            let before = chance(50)
            enums[name]!.insert(label, at: before ? position : position + 1)
            return "ALTER TYPE \(name) ADD VALUE '\(label)' \(before ? "BEFORE" : "AFTER") '\(neighbour)'"
        }
        let name = fresh("e")
        enums[name] = ["a", "b", "c"]
        return "CREATE TYPE \(name) AS ENUM ('a', 'b', 'c')"
    }

    mutating func functionAndTrigger() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        let function = "\(table)_audit"
        let body = "CREATE OR REPLACE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "RAISE NOTICE '\(fresh("n"))'; RETURN NEW; END $$"
        if let trigger = tables[index].trigger, chance(30) {
            tables[index].trigger = nil
            tables[index].whenColumn = nil
            return "DROP TRIGGER \(trigger) ON \(table)"
        }
        if tables[index].trigger != nil { return body }
        let trigger = fresh("tr")
        tables[index].trigger = trigger
        tables[index].triggerFunction = function
        // A third: on UPDATE of a column, WHEN it changes (the server then refuses to change the column's type under it).
        // Half of those on `UPDATE OF` the column instead (which ties it to the column as much).
        // Not a generated column: a BEFORE trigger's WHEN cannot read NEW's (the server refuses).
        let plain = tables[index].columns.dropFirst().filter { !$0.generated }
        if !plain.isEmpty, chance(33) {
            let column = plain[plain.startIndex + Int(random.next() % UInt64(plain.count))].name
            tables[index].whenColumn = column
            tables[index].updateOf = chance(50)
            return body + ";\n" + whenTrigger(trigger, on: table, column: column, function: function, updateOf: tables[index].updateOf)
        }
        return body + ";\nCREATE TRIGGER \(trigger) BEFORE \(pick(["INSERT", "UPDATE", "INSERT OR UPDATE"])) ON \(table) "
            + "FOR EACH ROW EXECUTE FUNCTION \(function)()"
    }

    func whenTrigger(_ name: String, on table: String, column: String, function: String, updateOf: Bool) -> String {
        updateOf ? "CREATE TRIGGER \(name) AFTER UPDATE OF \(column) ON \(table) FOR EACH ROW EXECUTE FUNCTION \(function)()"
            : "CREATE TRIGGER \(name) BEFORE UPDATE ON \(table) FOR EACH ROW WHEN (OLD.\(column) IS DISTINCT FROM NEW.\(column)) "
                + "EXECUTE FUNCTION \(function)()"
    }

    /// A generated column added, or its expression changed the way PostgreSQL lets a history
    /// change it: dropped (with what reads it) and added again.
    mutating func generatedColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        let factor = Int(2 + random.next() % 5)
        if let position = tables[index].columns.firstIndex(where: \.generated), chance(60) {
            let column = tables[index].columns[position]
            forget(column.name, of: index)
            guard let kept = tables[index].columns.firstIndex(where: { $0.name == column.name }) else { return comment() }
            tables[index].columns[kept].notNull = false
            tables[index].columns[kept].factor = factor
            return "ALTER TABLE \(table) DROP COLUMN \(column.name) CASCADE;\n"
                + "ALTER TABLE \(table) ADD COLUMN \(column.name) bigint GENERATED ALWAYS AS (\(column.source) * \(factor)) STORED"
        }
        // Half of them over another integer column than the key (retyped under it, later).
        let sources = tables[index].columns.dropFirst().filter { ["integer", "bigint"].contains($0.type) && !$0.generated && !$0.identity }
        let source = sources.isEmpty || chance(50) ? "id" : pick(sources.map(\.name))
        let name = fresh("g")
        tables[index].columns.append(Column(name: name, type: "bigint", generated: true, source: source, factor: factor))
        return "ALTER TABLE \(table) ADD COLUMN \(name) bigint GENERATED ALWAYS AS (\(source) * \(factor)) STORED"
    }

    /// A function a new column's default calls; or that function replaced by one whose result
    /// type may differ, as a history must: dropped with the default, created, the default set again.
    mutating func functionDefault() -> String {
        if let name = functions.keys.sorted().first, chance(60) {
            let (table, column) = functions[name]!
            var sql = "DROP FUNCTION \(name)(integer) CASCADE;\nCREATE FUNCTION \(name)(x integer) RETURNS "
                + "\(pick(["integer", "bigint", "numeric"])) LANGUAGE sql IMMUTABLE AS $$ SELECT x + \(random.next() % 10) $$"
            if let t = tables.firstIndex(where: { $0.name == table }),
               tables[t].columns.contains(where: { $0.name == column && $0.defaultValue == "\(name)(1)" }) {
                sql += ";\nALTER TABLE \(table) ALTER COLUMN \(column) SET DEFAULT \(name)(1)"
            }
            return sql
        }
        let index = Int(random.next() % UInt64(tables.count))
        let name = fresh("f"), column = fresh("c")
        tables[index].columns.append(Column(name: column, type: "integer", defaultValue: "\(name)(1)"))
        functions[name] = (tables[index].name, column)
        return "CREATE FUNCTION \(name)(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;\n"
            + "ALTER TABLE \(tables[index].name) ADD COLUMN \(column) integer DEFAULT \(name)(1)"
    }

    /// A function whose SQL-standard body reads a column: the server records the column in
    /// pg_depend and refuses to change its type or drop it under the function.
    mutating func standardBodyReader() -> String {
        let table = pick(tables)
        let column = pick(table.columns).name
        let name = fresh("s")
        readers[name] = (table.name, column)
        return reader(name, table.name, column)
    }

    /// Before 14 the same body as a string, which ties the function to nothing.
    func reader(_ name: String, _ table: String, _ column: String) -> String {
        standardBodies ? "CREATE FUNCTION \(name)() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(\(column)) FROM \(table); END"
            : "CREATE FUNCTION \(name)() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(\(column)) FROM \(table)'"
    }

    mutating func comment() -> String {
        let table = pick(tables)
        if chance(50) { return "COMMENT ON TABLE \(table.name) IS 'note \(random.next() % 100)'" }
        return "COMMENT ON COLUMN \(table.name).\(pick(table.columns).name) IS \(chance(25) ? "NULL" : "'c \(random.next() % 100)'")"
    }
    // MARK: Partitioned tables

    /// A table partitioned by range, list or hash of `id` made; or a partition of one added (a quarter are
    /// partitioned themselves), dropped or detached (a detached partition is a table of its own
    /// from then on, partitioned if it was); or a local index on one, or a partitioned
    /// partition's second partition.
    mutating func partitionEdit() -> String {
        let holders = tables.indices.filter { tables[$0].partitioned }
        guard !holders.isEmpty, tables.count >= 8 || chance(70) else { return createPartitioned() }
        let index = pick(holders)
        let parent = tables[index].name
        let partitions = tables[index].partitions!
        switch random.next() % 5 {
        case 4:
            return stageAttach(index) ?? addPartition(index)
        case 0 where partitions.count > 1:
            let partition = pick(partitions)
            tables[index].partitions!.removeAll { $0 == partition }
            if tables[index].defaultPartition == partition { tables[index].defaultPartition = nil }
            subpartitions[partition] = nil
            // A foreign key that references the parent references each partition too: the server
            // drops none of them before it is detached.
            guard tables.contains(where: { $0.foreignKeys.values.contains(parent) }) else { return "DROP TABLE \(partition)" }
            return "ALTER TABLE \(parent) DETACH PARTITION \(partition);\nDROP TABLE \(partition)"
        case 1 where partitions.count > 1:
            let partition = pick(partitions)
            tables[index].partitions!.removeAll { $0 == partition }
            if tables[index].defaultPartition == partition { tables[index].defaultPartition = nil }
            // The partition keeps its columns (defaults and generation too) and the copies of
            // its parent's constraints and indexes, under names the history does not track.
            // One partitioned itself stays so, with its partitions (its new ones past theirs).
            var detached = Table(name: partition, columns: tables[index].columns,
                                 partitions: subpartitions.removeValue(forKey: partition)?.leaves, primaryKey: partition + "_pkey")
            detached.nextBound = detached.partitioned ? 1_000_000 : 0
            tables.append(detached)
            return "ALTER TABLE \(parent) DETACH PARTITION \(partition)"
        case 2:
            let partition = pick(partitions)
            // A partitioned partition's second partition, half the time it has one only.
            if let sub = subpartitions[partition], sub.leaves.count == 1, chance(50) {
                let leaf = fresh("p")
                subpartitions[partition]!.leaves.append(leaf)
                return "CREATE TABLE \(leaf) PARTITION OF \(partition) FOR VALUES FROM (\(sub.from + 500)) TO (\(sub.from + 1000))"
            }
            let column = pick(tables[index].columns).name
            return "CREATE INDEX \(fresh("lx")) ON \(partition) (\(column))"
        default:
            return addPartition(index)
        }
    }

    /// A table made alone with the columns of the partitioned table at `index`, now and then
    /// with a key of its own and an index of a column the parent indexes, that the next step
    /// attaches (`pendingAttach`): the plans between the two steps join it with what the
    /// parent's indexes, keys and checks ask of it, and let it go without what it did not
    /// have. Where the parent has checks or generated columns, whose definitions the history
    /// does not track, the table copies them (`LIKE … INCLUDING CONSTRAINTS INCLUDING
    /// GENERATED`, its defaults too), as the attach asks. Not under a parent with an identity
    /// column (a partition of its own cannot have one before 17), nor one whose four hash
    /// remainders are taken.
    mutating func stageAttach(_ index: Int) -> String? {
        let table = tables[index]
        guard pendingAttach == nil, !table.columns.contains(where: \.identity), table.strategy != "HASH" || table.nextBound < 4
        else { return nil }
        let name = fresh("sa")
        var elements = table.columns.map(\.declaration)
        if !table.checks.isEmpty || table.columns.contains(where: \.generated) {
            elements = ["LIKE \(table.name) INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED"]
        }
        if chance(50) { elements.append("CONSTRAINT \(fresh("k")) PRIMARY KEY (id)") }
        var sql = "CREATE TABLE \(name) (\(elements.joined(separator: ", ")))"
        if let column = Set(table.indexes.values).sorted().first, chance(60) { sql += ";\nCREATE INDEX \(fresh("ix")) ON \(name) (\(column))" }
        pendingAttach = (name, table.name, nextBound(index))
        return sql
    }

    /// The bounds of the next partition of the partitioned table at `index`, taken: the next
    /// range of 1,000, the next values of a list, the next remainder of four.
    mutating func nextBound(_ index: Int) -> String {
        let from = tables[index].nextBound
        tables[index].nextBound += tables[index].strategy == "HASH" ? 1 : 1000
        switch tables[index].strategy {
        case "LIST": return "FOR VALUES IN (\(from), \(from + 1), \(from + 7))"
        case "HASH": return "FOR VALUES WITH (MODULUS 4, REMAINDER \(from))"
        default: return "FOR VALUES FROM (\(from)) TO (\(from + 1000))"
        }
    }

    mutating func createPartitioned() -> String {
        let name = fresh("pt")
        var columns = [Column(name: "id", type: "integer", notNull: true)]
        for _ in 0..<(1 + Int(random.next() % 2)) {
            columns.append(Column(name: fresh("c"), type: pick(["integer", "text", "varchar(40)", "numeric(10,2)"])))
        }
        var table = Table(name: name, columns: columns, partitions: [], primaryKey: name + "_pkey")
        table.strategy = pick(["RANGE", "RANGE", "LIST", "HASH"])
        tables.append(table)
        let list = columns.map(\.declaration).joined(separator: ", ")
        return "CREATE TABLE \(name) (\(list), PRIMARY KEY (id)) PARTITION BY \(table.strategy) (id);\n" + addPartition(tables.count - 1)
    }

    /// A partition of the partitioned table at `index`: the next range (a quarter partitioned
    /// themselves), the next values of a list, the next remainder of four; or, for a range or a
    /// list, a default partition now and then.
    mutating func addPartition(_ index: Int) -> String {
        let table = tables[index]
        if table.strategy == "HASH", table.nextBound >= 4 { return comment() }
        let partition = fresh("p")
        tables[index].partitions!.append(partition)
        let prefix = "CREATE TABLE \(partition) PARTITION OF \(table.name)"
        if table.strategy != "HASH", table.defaultPartition == nil, !table.partitions!.isEmpty, chance(15) {
            tables[index].defaultPartition = partition
            return prefix + " DEFAULT"
        }
        let from = table.nextBound
        let create = prefix + " " + nextBound(index)
        guard table.strategy == "RANGE" else { return create }
        // A quarter are partitioned themselves, with one partition of their own to begin with.
        guard chance(25) else { return create }
        let leaf = fresh("p")
        subpartitions[partition] = (from, [leaf])
        return create + " PARTITION BY RANGE (id);\n"
            + "CREATE TABLE \(leaf) PARTITION OF \(partition) FOR VALUES FROM (\(from)) TO (\(from + 500))"
    }

    // MARK: Domains and composite types

    /// A domain over integer made, used by a new column, or its constraints and default changed.
    mutating func domainEdit() -> String {
        guard let name = domains.keys.sorted().last, chance(75) else {
            let name = fresh("d")
            domains[name] = [name + "_c0"]
            return "CREATE DOMAIN \(name) AS integer CONSTRAINT \(name)_c0 CHECK (VALUE >= 0)"
        }
        switch random.next() % 5 {
        case 0:
            return addColumn(ofType: name)
        case 1:
            let check = "\(name)_\(fresh("k"))"
            domains[name]!.append(check)
            return "ALTER DOMAIN \(name) ADD CONSTRAINT \(check) CHECK (VALUE < \(10_000 + random.next() % 100))"
                + (chance(30) ? " NOT VALID" : "")
        case 2 where !domains[name]!.isEmpty:
            let check = domains[name]!.removeFirst()
            guard chance(50) else { return "ALTER DOMAIN \(name) DROP CONSTRAINT \(check)" }
            let renamed = "\(name)_\(fresh("k"))"
            domains[name]!.append(renamed)
            return "ALTER DOMAIN \(name) RENAME CONSTRAINT \(check) TO \(renamed)"
        case 3:
            return "ALTER DOMAIN \(name) " + (chance(40) ? "DROP DEFAULT" : "SET DEFAULT \(random.next() % 50)")
        default:
            return "COMMENT ON DOMAIN \(name) IS 'domain \(random.next() % 100)'"
        }
    }

    /// A column of type `type` (a domain, a composite type) added to a table.
    mutating func addColumn(ofType type: String) -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let column = fresh("c")
        tables[index].columns.append(Column(name: column, type: type))
        return "ALTER TABLE \(tables[index].name) ADD COLUMN \(column) \(type)"
    }

    /// A composite type made, used by a new column, or an attribute added to or dropped from it
    /// (`CASCADE`: the columns of it change with it).
    mutating func compositeEdit() -> String {
        guard let name = composites.keys.sorted().last, chance(75) else {
            let name = fresh("ct")
            composites[name] = ["a", "b"]
            return "CREATE TYPE \(name) AS (a integer, b text)"
        }
        switch random.next() % 3 {
        case 0:
            return addColumn(ofType: name)
        case 1 where composites[name]!.count > 1:
            let attribute = composites[name]!.removeLast()
            return "ALTER TYPE \(name) DROP ATTRIBUTE \(attribute) CASCADE"
        default:
            let attribute = fresh("at")
            composites[name]!.append(attribute)
            return "ALTER TYPE \(name) ADD ATTRIBUTE \(attribute) \(pick(["integer", "text", "date"])) CASCADE"
        }
    }

    // MARK: Materialized views, row security, grants

    func createMaterializedView(_ view: View) -> [String] {
        ["CREATE MATERIALIZED VIEW \(view.name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(view.table)"]
            + (view.index.map { ["CREATE INDEX \(view.name)_ix ON \(view.name) (\($0))"] } ?? [])
    }

    /// A materialized view (with an index half the time) made, or one dropped.
    mutating func materializedViewEdit() -> String {
        if let existing = matviews.first, chance(35) {
            matviews.removeFirst()
            return "DROP MATERIALIZED VIEW \(existing.name)"
        }
        let table = pick(tables)
        let columns = table.columns.filter { _ in chance(60) }.map(\.name)
        var view = View(name: fresh("mv"), table: table.name, columns: columns.isEmpty ? ["id"] : columns)
        if chance(50) { view.index = pick(view.columns) }
        matviews.append(view)
        return createMaterializedView(view).joined(separator: ";\n")
    }

    func createPolicy(_ name: String, _ table: String, _ column: String) -> String {
        "CREATE POLICY \(name) ON \(table) USING (\(column) IS NOT NULL)"
    }

    /// Row security turned on or off, or a policy reading a column made, changed or dropped.
    mutating func policyEdit() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        if chance(25) {
            tables[index].rowSecurity.toggle()
            return "ALTER TABLE \(table) \(tables[index].rowSecurity ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY"
        }
        if let existing = tables[index].policies.keys.sorted().first, chance(50) {
            guard chance(50) else {
                tables[index].policies[existing] = nil
                return "DROP POLICY \(existing) ON \(table)"
            }
            let column = pick(tables[index].columns).name
            tables[index].policies[existing] = column
            return "ALTER POLICY \(existing) ON \(table) USING (\(column) IS NOT NULL)"
        }
        let name = fresh("pol"), column = pick(tables[index].columns).name
        tables[index].policies[name] = column
        return createPolicy(name, table, column)
    }

    /// A privilege on a table, or on one of its columns, granted to or revoked from everyone.
    mutating func grantEdit() -> String {
        let table = pick(tables)
        switch random.next() % 4 {
        case 0: return "GRANT \(pick(["SELECT", "INSERT, UPDATE", "ALL"])) ON \(table.name) TO PUBLIC"
        case 1: return "GRANT \(pick(["SELECT", "UPDATE"])) (\(pick(table.columns).name)) ON \(table.name) TO PUBLIC"
        case 2: return "REVOKE \(pick(["ALL", "INSERT", "SELECT"])) ON \(table.name) FROM PUBLIC"
        default: return "REVOKE ALL ON \(table.name) FROM PUBLIC"
        }
    }

    // MARK: Renames

    /// A column renamed: the views and materialized views over it go first and come back with
    /// the new name (a view keeps its column's old name, which a later replace could not change).
    mutating func renameColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        // Not the key, and not a column whose name the history's constraint names end with.
        let candidates = tables[index].columns.indices.dropFirst().filter { position in
            let column = tables[index].columns[position].name
            return !tables[index].checks.contains { $0.hasSuffix("_" + column) }
                && !tables[index].foreignKeys.keys.contains { $0.hasSuffix("_" + column) }
        }
        guard let position = candidates.last else { return addColumn() }
        let old = tables[index].columns[position].name, new = fresh("rc")
        let over = views.filter { $0.table == table && $0.columns.contains(old) }
        let materialized = matviews.filter { $0.table == table && $0.columns.contains(old) }
        // The views over those go for good (they read the old column names).
        let readingThem = dependents(of: Set(over.map(\.name)))
        forgetViews(over)
        matviews.removeAll { $0.table == table && $0.columns.contains(old) }
        if tables[index].whenColumn == old { tables[index].whenColumn = new }
        tables[index].columns[position].name = new
        tables[index].indexes = tables[index].indexes.mapValues { $0 == old ? new : $0 }
        tables[index].policies = tables[index].policies.mapValues { $0 == old ? new : $0 }
        for column in tables[index].columns.indices where tables[index].columns[column].source == old { tables[index].columns[column].source = new }
        readers = readers.mapValues { $0 == (table, old) ? (table, new) : $0 }
        functions = functions.mapValues { $0 == (table, old) ? (table, new) : $0 }
        sequences = sequences.mapValues { $0 == (table, old) ? (table, new) : $0 }
        statistics = statistics.mapValues { $0.table == table ? (table, $0.columns.map { $0 == old ? new : $0 }) : $0 }
        editPublished { published in
            guard published.table == table else { return }
            published.columns = published.columns?.map { $0 == old ? new : $0 }
            if published.filter == old { published.filter = new }
        }
        renames = [Rename(table: QualifiedName(schema: tables[index].schema, name: table), column: old, newName: new)]
        func renamed(_ view: View) -> View {
            var view = view
            view.columns = view.columns.map { $0 == old ? new : $0 }
            if view.index == old { view.index = new }
            return view
        }
        views += over.map(renamed)
        matviews += materialized.map(renamed)
        return (readingThem.reversed().map { "DROP VIEW \($0.name)" } + over.map { "DROP VIEW \($0.name)" }
            + materialized.map { "DROP MATERIALIZED VIEW \($0.name)" }
            + ["ALTER TABLE \(table) RENAME COLUMN \(old) TO \(new)"]
            + over.map(renamed).map(createView) + materialized.map(renamed).flatMap(createMaterializedView))
            .joined(separator: ";\n")
    }

    /// A table renamed: a plan drops it and makes it again (what refers to it follows the server's rename).
    mutating func renameTable() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let old = tables[index].name, new = fresh(tables[index].partitioned ? "pt" : "t")
        tables[index].name = new
        for position in views.indices where views[position].table == old { views[position].table = new }
        for position in matviews.indices where matviews[position].table == old { matviews[position].table = new }
        callingViews = callingViews.map { $0.table == old ? ($0.name, new, $0.function) : $0 }
        rules = rules.map { $0.table == old ? ($0.name, new) : $0 }
        for position in tables.indices { tables[position].foreignKeys = tables[position].foreignKeys.mapValues { $0 == old ? new : $0 } }
        readers = readers.mapValues { $0.table == old ? (new, $0.column) : $0 }
        functions = functions.mapValues { $0.table == old ? (new, $0.column) : $0 }
        sequences = sequences.mapValues { $0.table == old ? (new, $0.column) : $0 }
        children = children.map { $0.parent == old ? ($0.name, new) : $0 }
        statistics = statistics.mapValues { $0.table == old ? (new, $0.columns) : $0 }
        extraTriggers = extraTriggers.map { $0.table == old ? ($0.name, new) : $0 }
        editPublished { if $0.table == old { $0.table = new } }
        renames = [Rename(table: QualifiedName(schema: tables[index].schema, name: old), newName: new)]
        return "ALTER TABLE \(old) RENAME TO \(new)"
    }

    // MARK: Identity columns, sequences, storage, enum labels

    /// An identity column added to a table that has none, or its kind, step or identity changed.
    mutating func identityEdit() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        guard let position = tables[index].columns.firstIndex(where: \.identity) else {
            let column = fresh("i")
            tables[index].columns.append(Column(name: column, type: "bigint", notNull: true, identity: true))
            let generation = "GENERATED \(pick(["ALWAYS", "BY DEFAULT"])) AS IDENTITY"
                + (chance(40) ? " (START WITH \(random.next() % 100 + 1) INCREMENT BY \(random.next() % 5 + 1))" : "")
            guard tables[index].partitioned || children.contains(where: { $0.parent == table }) else {
                return "ALTER TABLE \(table) ADD COLUMN \(column) bigint \(generation)"
            }
            // The server adds no identity column to a table with children or partitions
            // ("cannot recursively add identity column"): the column first, then its identity.
            return "ALTER TABLE \(table) ADD COLUMN \(column) bigint NOT NULL DEFAULT 0;\n"
                + "ALTER TABLE \(table) ALTER COLUMN \(column) DROP DEFAULT;\n"
                + "ALTER TABLE \(table) ALTER COLUMN \(column) ADD \(generation)"
        }
        let column = tables[index].columns[position].name
        switch random.next() % 3 {
        case 0:
            tables[index].columns[position].identity = false
            return "ALTER TABLE \(table) ALTER COLUMN \(column) DROP IDENTITY"
        case 1: return "ALTER TABLE \(table) ALTER COLUMN \(column) SET GENERATED \(pick(["ALWAYS", "BY DEFAULT"]))"
        default: return "ALTER TABLE \(table) ALTER COLUMN \(column) SET INCREMENT BY \(random.next() % 9 + 1)"
        }
    }

    /// A sequence owned by an integer column and its default; or such a sequence retuned.
    mutating func sequenceEdit() -> String {
        if let name = sequences.keys.sorted().first, chance(40) {
            return "ALTER SEQUENCE \(name) " + pick(["INCREMENT BY \(random.next() % 9 + 1)", "MAXVALUE \(100_000 + random.next() % 1000)",
                                                     "CACHE \(random.next() % 5 + 1)", "CYCLE", "NO CYCLE"])
        }
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        let owners = tables[index].columns.indices.dropFirst().filter {
            let column = tables[index].columns[$0]
            return ["integer", "bigint"].contains(column.type) && !column.generated && !column.identity
                && !sequences.values.contains { $0 == (table, column.name) }
        }
        guard let position = owners.first else { return addColumn() }
        let column = tables[index].columns[position].name, name = fresh("sq")
        tables[index].columns[position].defaultValue = "nextval('\(name)')"
        sequences[name] = (table, column)
        // In its table's schema, as the server asks of an owned sequence.
        return "CREATE SEQUENCE \(tables[index].schema).\(name) OWNED BY \(table).\(column);\n"
            + "ALTER TABLE \(table) ALTER COLUMN \(column) SET DEFAULT nextval('\(name)')"
    }

    /// A table's fill factor set or reset, or a column's statistics target or storage set.
    mutating func storageEdit() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index]
        switch random.next() % 3 {
        case 0 where !table.partitioned:
            return chance(30) ? "ALTER TABLE \(table.name) RESET (fillfactor)" : "ALTER TABLE \(table.name) SET (fillfactor = \(50 + random.next() % 50))"
        case 1:
            return "ALTER TABLE \(table.name) ALTER COLUMN \(pick(table.columns).name) SET STATISTICS \(chance(30) ? -1 : Int(random.next() % 1000))"
        default:
            guard let column = table.columns.first(where: { $0.type == "text" }) else { return comment() }
            return "ALTER TABLE \(table.name) ALTER COLUMN \(column.name) SET STORAGE \(pick(["EXTERNAL", "MAIN", "EXTENDED"]))"
        }
    }

    /// An enum label renamed.
    mutating func enumRename() -> String {
        guard let name = enums.keys.sorted().last else { return enumEdit() }
        let position = Int(random.next() % UInt64(enums[name]!.count))
        let old = enums[name]![position], new = fresh("r")
        enums[name]![position] = new
        renames = [Rename(table: QualifiedName(schema: "public", name: name), column: old, newName: new, enumValue: true)]
        return "ALTER TYPE \(name) RENAME VALUE '\(old)' TO '\(new)'"
    }

    // MARK: Inheritance, unique and exclusion constraints

    /// A table inheriting from a plain table made (with a column of its own); or one that stops
    /// inheriting (it keeps the columns, as its own), or is dropped.
    mutating func inheritanceEdit() -> String {
        if !children.isEmpty, chance(40) {
            let child = children.remove(at: Int(random.next() % UInt64(children.count)))
            return chance(50) ? "DROP TABLE \(child.name)" : "ALTER TABLE \(child.name) NO INHERIT \(child.parent);\nDROP TABLE \(child.name)"
        }
        let parents = tables.filter { !$0.partitioned }
        guard !parents.isEmpty else { return createTable() }
        let parent = pick(parents).name, name = fresh("ch")
        children.append((name, parent))
        return "CREATE TABLE \(name) (\(fresh("x")) integer) INHERITS (\(parent))"
    }

    /// A unique constraint on an integer column, or an exclusion constraint on a new range column
    /// (named with the column at the end, as the history's checks are: renamed and dropped with them).
    mutating func uniqueOrExclusion() -> String {
        let candidates = tables.indices.filter { !tables[$0].partitioned }
        guard !candidates.isEmpty else { return addColumn() }
        let index = pick(candidates)
        let table = tables[index].name
        if chance(50), let column = tables[index].columns.dropFirst().first(where: { ["integer", "bigint"].contains($0.type) }) {
            let name = fresh("uq") + "_" + column.name
            tables[index].checks.append(name)
            return "ALTER TABLE \(table) ADD CONSTRAINT \(name) UNIQUE\(chance(30) ? " NULLS NOT DISTINCT" : "") (\(column.name))"
        }
        let column = fresh("rg"), name = fresh("ex") + "_" + column
        tables[index].columns.append(Column(name: column, type: "tstzrange"))
        tables[index].checks.append(name)
        return "ALTER TABLE \(table) ADD COLUMN \(column) tstzrange, ADD CONSTRAINT \(name) EXCLUDE USING gist (\(column) WITH &&)"
    }


    // MARK: Keys widened, enum values removed, definitions changed, collations

    /// A table's `id` widened to bigint, around what the server will not change a type under (the
    /// server checks the foreign keys that reference it again; half the time their columns are
    /// widened too); a generated column over it is dropped and added again around it. Not under a
    /// partition key.
    mutating func keyRetype() -> String {
        let candidates = tables.indices.filter { position in
            !tables[position].partitioned && tables[position].columns[0].type == "integer"
        }
        guard !candidates.isEmpty else { return changeType() }
        let index = pick(candidates)
        let table = tables[index].name
        tables[index].columns[0].type = "bigint"
        var sql = around(["id"], of: index, ["ALTER TABLE \(table) ALTER COLUMN id TYPE bigint"])
        guard chance(50) else { return sql.joined(separator: ";\n") }
        for other in tables.indices {
            let referencing = tables[other].foreignKeys.keys.sorted().filter { tables[other].foreignKeys[$0] == table }
            let columns = referencing.compactMap { key in
                key.split(separator: "_", maxSplits: 1).last.map(String.init)
            }.filter { column in tables[other].columns.contains { $0.name == column && $0.type == "integer" } }
            guard !columns.isEmpty else { continue }
            for position in tables[other].columns.indices where columns.contains(tables[other].columns[position].name) {
                tables[other].columns[position].type = "bigint"
            }
            sql += around(Set(columns), of: other, ["ALTER TABLE \(tables[other].name) "
                + columns.map { "ALTER COLUMN \($0) TYPE bigint" }.joined(separator: ", ")])
        }
        return sql.joined(separator: ";\n")
    }

    /// An enum value removed the only way PostgreSQL lets a history remove one: the type renamed,
    /// made again without the value, each column of it moved over (`USING c::text::e`, around
    /// what the server will not change a type under), the old type dropped.
    mutating func enumRemove() -> String {
        guard let name = enums.keys.sorted().first(where: { enums[$0]!.count > 1 }) else { return enumEdit() }
        enums[name]!.remove(at: Int(random.next() % UInt64(enums[name]!.count)))
        var sql = ["ALTER TYPE \(name) RENAME TO \(name)_old",
                   "CREATE TYPE \(name) AS ENUM (\(enums[name]!.map { "'\($0)'" }.joined(separator: ", ")))"]
        for index in tables.indices {
            let columns = tables[index].columns.filter { $0.type == name }.map(\.name)
            guard !columns.isEmpty else { continue }
            sql += around(Set(columns), of: index, ["ALTER TABLE \(tables[index].name) "
                + columns.map { "ALTER COLUMN \($0) TYPE \(name) USING \($0)::text::\(name)" }.joined(separator: ", ")])
        }
        return (sql + ["DROP TYPE \(name)_old"]).joined(separator: ";\n")
    }

    /// A check's expression or an index's definition changed under the same name (dropped and
    /// made again, as a history must); a primary key renamed; or a table's replica identity set.
    mutating func redefine() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        switch random.next() % 4 {
        case 0:
            guard let check = tables[index].checks.first(where: { $0.hasPrefix("ck") }),
                  let column = check.split(separator: "_", maxSplits: 1).last else { return addOrDropCheck() }
            return "ALTER TABLE \(table) DROP CONSTRAINT \(check);\n"
                + "ALTER TABLE \(table) ADD CONSTRAINT \(check) CHECK (\(column) \(pick([">= 1", "> -1", "< 100000", "<> 7"])))"
        case 1:
            guard let name = tables[index].indexes.keys.sorted().first, let column = tables[index].indexes[name] else {
                return addOrDropIndex()
            }
            return "DROP INDEX \(name);\nCREATE INDEX \(name) ON \(table) (\(column)\(pick([" DESC", " NULLS FIRST", ", id", ""])))"
                + (chance(40) ? " WHERE id > 0" : "")
        case 2:
            let name = fresh("pk"), old = tables[index].primaryKey
            tables[index].primaryKey = name
            return "ALTER TABLE \(table) RENAME CONSTRAINT \(old) TO \(name)"
        default:
            let identity = chance(25) && !tables[index].partitioned
                ? "USING INDEX \(tables[index].primaryKey)" : pick(["FULL", "NOTHING", "DEFAULT"])
            return "ALTER TABLE \(table) REPLICA IDENTITY \(identity)"
        }
    }

    /// A text column given another collation: to the server a change of type, made around what
    /// it will not change a type under.
    mutating func collationEdit() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        guard let position = tables[index].columns.firstIndex(where: { $0.type == "text" || $0.type.hasPrefix("text COLLATE") }) else {
            return redefine()
        }
        let column = tables[index].columns[position].name
        let collation = pick(["\"C\"", "\"POSIX\"", "\"default\""])
        tables[index].columns[position].type = collation == "\"default\"" ? "text" : "text COLLATE \(collation)"
        return around([column], of: index, ["ALTER TABLE \(tables[index].name) ALTER COLUMN \(column) TYPE text COLLATE \(collation)"])
            .joined(separator: ";\n")
    }

    // MARK: Foreign key actions, views calling functions, index forms, persistence

    /// A foreign key given another action under its name (dropped and added again, as a history
    /// must), or made deferrable or not in place.
    mutating func foreignKeyAction() -> String {
        let holders = tables.indices.filter { !tables[$0].foreignKeys.isEmpty }
        guard !holders.isEmpty else { return addOrDropForeignKey() }
        let index = pick(holders)
        let table = tables[index].name
        let key = pick(tables[index].foreignKeys.keys.sorted())
        guard let target = tables[index].foreignKeys[key], let column = key.split(separator: "_", maxSplits: 1).last else { return comment() }
        if chance(35) {
            return "ALTER TABLE \(table) ALTER CONSTRAINT \(key) \(pick(["DEFERRABLE INITIALLY DEFERRED", "DEFERRABLE INITIALLY IMMEDIATE", "NOT DEFERRABLE"]))"
        }
        return "ALTER TABLE \(table) DROP CONSTRAINT \(key);\n"
            + "ALTER TABLE \(table) ADD CONSTRAINT \(key) FOREIGN KEY (\(column)) REFERENCES \(target) (id)"
            + pick([" ON DELETE CASCADE", " ON DELETE SET NULL", " ON UPDATE CASCADE", " ON DELETE RESTRICT", "", " MATCH FULL"])
    }

    /// A view over `table` that calls `function`: materialized for one name in three (from its
    /// number: no draw of its own, so that the seeds' histories keep their edits), whose rows
    /// a plan that replaces the function in place must refresh.
    func callingView(_ name: String, on table: String, function: String) -> String {
        "CREATE \(Self.viewKind(name)) \(name) AS SELECT id, \(function)(id) AS f FROM \(table)"
    }

    func dropCallingView(_ name: String) -> String { "DROP \(Self.viewKind(name)) \(name)" }

    static func viewKind(_ callingView: String) -> String { (Int(callingView.dropFirst(2)) ?? 0) % 3 == 2 ? "MATERIALIZED VIEW" : "VIEW" }

    /// A view that calls a function on a table's key made; or that function's body replaced in
    /// place, or replaced by one of another result type (the view dropped and made again around
    /// it, as the server asks).
    mutating func callingViewEdit() -> String {
        if let position = callingViews.indices.last, chance(60) {
            let view = callingViews[position]
            let body = "LANGUAGE sql IMMUTABLE AS $$ SELECT x * \(2 + random.next() % 7) $$"
            if chance(50) {
                return "CREATE OR REPLACE FUNCTION \(view.function)(x bigint) RETURNS \(resultTypes[view.function] ?? "bigint") \(body)"
            }
            let others = callingViews.filter { $0.function == view.function }
            let result = pick(["numeric", "bigint", "double precision"])
            resultTypes[view.function] = result
            return (others.map { dropCallingView($0.name) } + ["DROP FUNCTION \(view.function)(bigint)",
                    "CREATE FUNCTION \(view.function)(x bigint) RETURNS \(result) \(body)"]
                    + others.map { callingView($0.name, on: $0.table, function: $0.function) }).joined(separator: ";\n")
        }
        let table = pick(tables).name
        let name = fresh("cv")
        if let existing = callingViews.last?.function, chance(30) {
            callingViews.append((name, table, existing))
            return callingView(name, on: table, function: existing)
        }
        let function = fresh("fn")
        callingViews.append((name, table, function))
        return "CREATE FUNCTION \(function)(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;\n"
            + callingView(name, on: table, function: function)
    }

    /// An index of another form: with included columns, over an expression, or with an
    /// operator class.
    mutating func indexVariant() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index]
        let column = pick(table.columns)
        let name = fresh("ix")
        tables[index].indexes[name] = column.name
        switch random.next() % 3 {
        case 0 where column.name != "id":
            return "CREATE INDEX \(name) ON \(table.name) (\(column.name)) INCLUDE (id)"
        case 1 where column.type == "text":
            return "CREATE INDEX \(name) ON \(table.name) (\(column.name) text_pattern_ops)"
        default:
            // Its expression's statistics target, from its name's number: no draw of its own, so
            // that the seeds' histories stay what they were.
            let target = (Int(name.dropFirst(2)) ?? 0) * 37 % 1000
            return "CREATE INDEX \(name) ON \(table.name) ((\(column.name) IS NULL), id);\n"
                + "ALTER INDEX \(name) ALTER COLUMN 1 SET STATISTICS \(target)"
        }
    }

    /// A table made unlogged, or logged again: one no foreign key ties to another table, with no
    /// partitions, parent or children (the server refuses a key between the two kinds).
    mutating func persistenceEdit() -> String {
        let candidates = tables.indices.filter { position in
            let name = tables[position].name
            return !tables[position].partitioned && tables[position].foreignKeys.values.allSatisfy { $0 == name }
                && !tables.contains { $0.name != name && $0.foreignKeys.values.contains(name) }
                && !children.contains { $0.parent == name }
        }
        guard !candidates.isEmpty else { return storageEdit() }
        let index = pick(candidates)
        tables[index].unlogged.toggle()
        // No publication holds an unlogged table: it leaves them first.
        let table = tables[index].name
        let leaving = tables[index].unlogged ? publications.filter { $0.tables.contains { $0.table == table } }.map(\.name) : []
        if tables[index].unlogged { forgetPublished { $0.table == table } }
        return (leaving.map { "ALTER PUBLICATION \($0) DROP TABLE ONLY \(table)" }
            + ["ALTER TABLE \(table) SET \(tables[index].unlogged ? "UNLOGGED" : "LOGGED")"]).joined(separator: ";\n")
    }

    // MARK: Triggers on views, rules, checks a child does not inherit

    /// A view given an `INSTEAD OF INSERT` trigger (made again with the view whenever the
    /// history makes the view again), or its trigger dropped.
    mutating func viewTriggerEdit() -> String {
        guard let position = views.indices.last else { return addOrDropView() }
        if let trigger = views[position].trigger, chance(40) {
            views[position].trigger = nil
            return "DROP TRIGGER \(trigger) ON \(views[position].name)"
        }
        guard views[position].trigger == nil else { return comment() }
        let name = fresh("vt")
        views[position].trigger = name
        return "CREATE OR REPLACE FUNCTION view_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
            + viewTrigger(name, on: views[position].name)
    }

    func rule(_ name: String, on table: String) -> String {
        "CREATE RULE \(name) AS ON INSERT TO \(table) WHERE NEW.id < 0 DO INSTEAD NOTHING"
    }

    /// A rule that reads a table's `id` made (not on a partitioned table), or one dropped.
    mutating func ruleEdit() -> String {
        if let existing = rules.last, chance(35) {
            rules.removeLast()
            return "DROP RULE \(existing.name) ON \(existing.table)"
        }
        let candidates = tables.filter { !$0.partitioned }
        guard !candidates.isEmpty else { return comment() }
        let table = pick(candidates).name, name = fresh("ru")
        rules.append((name, table))
        return rule(name, on: table)
    }

    /// A check its table's children do not inherit (`NO INHERIT`; not on a partitioned table),
    /// dropped, renamed and made again like the others (made again, it is inherited).
    mutating func noInheritCheck() -> String {
        let candidates = tables.indices.filter { !tables[$0].partitioned }
        guard let index = candidates.isEmpty ? nil : pick(candidates),
              let column = tables[index].columns.first(where: { ["integer", "bigint"].contains($0.type) && $0.name != "id" }) else {
            return addOrDropCheck()
        }
        let name = fresh("ck") + "_" + column.name
        tables[index].checks.append(name)
        return "ALTER TABLE \(tables[index].name) ADD CONSTRAINT \(name) CHECK (\(column.name) > -5) NO INHERIT"
    }
}

/// SplitMix64: a tiny seeded generator, the same numbers on every platform
/// (Swift's own generator is not seedable).
struct SplitMix64: Sendable {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
