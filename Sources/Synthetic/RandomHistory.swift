/// A seeded random schema history: each `next()` is one edit (SQL) that is
/// valid on the schema the edits before it made. The same seed gives the same
/// edits, so a failure found at step N of seed S is found again.
///
/// The edits are the ones plans get wrong: types changed under views, columns
/// dropped under indexes and foreign keys, enum values added, functions and
/// triggers replaced, defaults, nullability, checks, comments; generated columns
/// whose expression changes, functions a default calls whose result type changes, functions
/// whose SQL-standard bodies read a column; indexes, checks and foreign keys renamed.
public struct RandomHistory: Sendable {
    private struct Column: Sendable {
        var name: String
        var type: String
        var notNull = false
        var defaultValue: String?
        /// A stored generated column (`id * k`): it takes no default.
        var generated = false
    }

    private struct Table: Sendable {
        var name: String
        var columns: [Column]
        var indexes: [String: String] = [:]
        var checks: [String] = []
        var foreignKeys: [String: String] = [:]
        var trigger: String?
    }

    private struct View: Sendable {
        var name: String
        var table: String
        var columns: [String]
    }

    private var random: SplitMix64
    private var tables: [Table] = []
    private var views: [View] = []
    private var enums: [String: [String]] = [:]
    /// Functions a column default calls, with that column.
    private var functions: [String: (table: String, column: String)] = [:]
    /// Functions with a SQL-standard body, with the column they read.
    private var readers: [String: (table: String, column: String)] = [:]
    private var counter = 0
    /// Whether functions may have SQL-standard bodies (`BEGIN ATOMIC`, PostgreSQL 14 and later).
    private let standardBodies: Bool

    public init(seed: UInt64, standardBodies: Bool = true) {
        random = SplitMix64(seed: seed)
        self.standardBodies = standardBodies
    }

    private mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

    private mutating func chance(_ percent: Int) -> Bool { Int(random.next() % 100) < percent }

    /// The views over table `name`: dropped and made again around a change to it.
    private func views(on table: String) -> [View] { views.filter { $0.table == table } }

    private func createView(_ view: View) -> String {
        "CREATE VIEW \(view.name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(view.table)"
    }

    /// One edit.
    public mutating func next() -> String {
        if tables.count < 2 { return createTable() }
        switch random.next() % 16 {
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
        default:
            switch random.next() % 3 {
            case 0: return generatedColumn()
            case 1: return functionDefault()
            default: return standardBodyReader()
            }
        }
    }

    private mutating func createTable() -> String {
        let name = fresh("t")
        var columns = [Column(name: "id", type: "integer", notNull: true)]
        for _ in 0..<(1 + Int(random.next() % 3)) {
            columns.append(Column(name: fresh("c"), type: pick(["integer", "text", "bigint", "boolean", "numeric(10,2)", "varchar(40)"])))
        }
        tables.append(Table(name: name, columns: columns))
        let list = columns.map { "\($0.name) \($0.type)\($0.notNull ? " NOT NULL" : "")" }.joined(separator: ", ")
        return "CREATE TABLE \(name) (\(list), PRIMARY KEY (id))"
    }

    private mutating func dropTable() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let name = tables[index].name
        tables.remove(at: index)
        views.removeAll { $0.table == name }
        readers = readers.filter { $0.value.table != name }
        for position in tables.indices { tables[position].foreignKeys = tables[position].foreignKeys.filter { $0.value != name } }
        return "DROP TABLE \(name) CASCADE"
    }

    private mutating func addColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let types = ["integer", "text", "bigint", "date", "jsonb", "timestamptz"] + enums.keys.sorted()
        var column = Column(name: fresh("c"), type: pick(types))
        if chance(30), column.type == "integer" || column.type == "text" {
            column.defaultValue = column.type == "integer" ? "\(random.next() % 100)" : "'x\(random.next() % 10)'"
        }
        tables[index].columns.append(column)
        return "ALTER TABLE \(tables[index].name) ADD COLUMN \(column.name) \(column.type)"
            + (column.defaultValue.map { " DEFAULT \($0)" } ?? "")
    }

    private mutating func dropColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        guard tables[index].columns.count > 1 else { return addColumn() }
        let position = 1 + Int(random.next() % UInt64(tables[index].columns.count - 1))
        let column = tables[index].columns.remove(at: position)
        let table = tables[index].name
        // CASCADE takes the views, indexes and foreign keys over it, as the history below records.
        views.removeAll { $0.table == table && $0.columns.contains(column.name) }
        readers = readers.filter { $0.value.table != table || $0.value.column != column.name }
        tables[index].indexes = tables[index].indexes.filter { $0.value != column.name }
        tables[index].foreignKeys = tables[index].foreignKeys.filter { !$0.key.hasSuffix("_" + column.name) }
        tables[index].checks.removeAll { $0.hasSuffix("_" + column.name) }
        return "ALTER TABLE \(table) DROP COLUMN \(column.name) CASCADE"
    }

    private mutating func changeType() -> String {
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
        // A history changes a type under a view the only way PostgreSQL lets it: drop, alter, create.
        let over = views(on: table)
        // And the functions whose SQL-standard bodies read the column.
        let reading = readers.keys.sorted().filter { readers[$0]! == (table, column.name) }
        return (over.map { "DROP VIEW \($0.name)" } + reading.map { "DROP FUNCTION \($0)()" }
            + ["ALTER TABLE \(table) ALTER COLUMN \(column.name) TYPE \(newType)"]
            + reading.map { reader($0, table, column.name) } + over.map(createView)).joined(separator: ";\n")
    }

    private mutating func toggleNotNull() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        guard tables[index].columns.count > 1 else { return addColumn() }
        let position = 1 + Int(random.next() % UInt64(tables[index].columns.count - 1))
        tables[index].columns[position].notNull.toggle()
        let column = tables[index].columns[position]
        return "ALTER TABLE \(tables[index].name) ALTER COLUMN \(column.name) \(column.notNull ? "SET" : "DROP") NOT NULL"
    }

    private mutating func changeDefault() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let candidates = tables[index].columns.indices.filter {
            ["integer", "text", "bigint"].contains(tables[index].columns[$0].type) && !tables[index].columns[$0].generated
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

    private mutating func addOrDropIndex() -> String {
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
        let unique = chance(20) ? "UNIQUE " : ""
        let predicate = chance(25) ? " WHERE \(column) IS NOT NULL" : ""
        return "CREATE \(unique)INDEX \(name) ON \(tables[index].name) (\(column))\(predicate)"
    }

    private mutating func addOrDropCheck() -> String {
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
            let name = fresh("ck") + "_" + column
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
    private mutating func renameIndexOrConstraint() -> String {
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
        let name = fresh(existing.hasPrefix("ck") ? "ck" : "fk") + "_" + column
        if let position = checks.firstIndex(of: existing) {
            tables[index].checks[position] = name
        } else {
            tables[index].foreignKeys[name] = tables[index].foreignKeys.removeValue(forKey: existing)
        }
        return "ALTER TABLE \(tables[index].name) RENAME CONSTRAINT \(existing) TO \(name)"
    }

    private mutating func addOrDropForeignKey() -> String {
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
        let target = pick(tables).name
        let column = fresh("ref")
        let name = fresh("fk") + "_" + column
        tables[index].columns.append(Column(name: column, type: "integer"))
        tables[index].foreignKeys[name] = target
        return "ALTER TABLE \(table) ADD COLUMN \(column) integer, ADD CONSTRAINT \(name) FOREIGN KEY (\(column)) REFERENCES \(target) (id)"
            + pick(["", " ON DELETE CASCADE", " ON DELETE SET NULL", " DEFERRABLE INITIALLY DEFERRED"])
    }

    private mutating func addOrDropView() -> String {
        if let existing = views.first, chance(35) {
            views.removeFirst()
            return "DROP VIEW \(existing.name)"
        }
        // Its query changed, its columns kept and one more perhaps: a plan replaces it in place.
        if let position = views.indices.last, chance(60) {
            var view = views[position]
            let table = tables.first { $0.name == view.table }
            if let extra = table?.columns.map(\.name).first(where: { !view.columns.contains($0) }), chance(50) { view.columns.append(extra) }
            views[position] = view
            return "CREATE OR REPLACE VIEW \(view.name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(view.table) WHERE \(pick(["true", "id > 0", "id IS NOT NULL"]))"
        }
        let table = pick(tables)
        let columns = table.columns.filter { _ in chance(60) }.map(\.name)
        let view = View(name: fresh("v"), table: table.name, columns: columns.isEmpty ? ["id"] : columns)
        views.append(view)
        return createView(view)
    }

    private mutating func enumEdit() -> String {
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

    private mutating func functionAndTrigger() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        let function = "\(table)_audit"
        let body = "CREATE OR REPLACE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "RAISE NOTICE '\(fresh("n"))'; RETURN NEW; END $$"
        if let trigger = tables[index].trigger, chance(30) {
            tables[index].trigger = nil
            return "DROP TRIGGER \(trigger) ON \(table)"
        }
        if tables[index].trigger != nil { return body }
        let trigger = fresh("tr")
        tables[index].trigger = trigger
        return body + ";\nCREATE TRIGGER \(trigger) BEFORE \(pick(["INSERT", "UPDATE", "INSERT OR UPDATE"])) ON \(table) "
            + "FOR EACH ROW EXECUTE FUNCTION \(function)()"
    }

    /// A generated column added, or its expression changed the way PostgreSQL lets a history
    /// change it: dropped (with what reads it) and added again.
    private mutating func generatedColumn() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index].name
        let expression = "(id * \(2 + random.next() % 5))"
        if let position = tables[index].columns.firstIndex(where: \.generated), chance(60) {
            let column = tables[index].columns[position]
            views.removeAll { $0.table == table && $0.columns.contains(column.name) }
            readers = readers.filter { $0.value.table != table || $0.value.column != column.name }
            tables[index].indexes = tables[index].indexes.filter { $0.value != column.name }
            tables[index].checks.removeAll { $0.hasSuffix("_" + column.name) }
            tables[index].columns[position].notNull = false
            return "ALTER TABLE \(table) DROP COLUMN \(column.name) CASCADE;\n"
                + "ALTER TABLE \(table) ADD COLUMN \(column.name) bigint GENERATED ALWAYS AS \(expression) STORED"
        }
        let name = fresh("g")
        tables[index].columns.append(Column(name: name, type: "bigint", generated: true))
        return "ALTER TABLE \(table) ADD COLUMN \(name) bigint GENERATED ALWAYS AS \(expression) STORED"
    }

    /// A function a new column's default calls; or that function replaced by one whose result
    /// type may differ, as a history must: dropped with the default, created, the default set again.
    private mutating func functionDefault() -> String {
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
    private mutating func standardBodyReader() -> String {
        let table = pick(tables)
        let column = pick(table.columns).name
        let name = fresh("s")
        readers[name] = (table.name, column)
        return reader(name, table.name, column)
    }

    /// Before 14 the same body as a string, which ties the function to nothing.
    private func reader(_ name: String, _ table: String, _ column: String) -> String {
        standardBodies ? "CREATE FUNCTION \(name)() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(\(column)) FROM \(table); END"
            : "CREATE FUNCTION \(name)() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(\(column)) FROM \(table)'"
    }

    private mutating func comment() -> String {
        let table = pick(tables)
        if chance(50) { return "COMMENT ON TABLE \(table.name) IS 'note \(random.next() % 100)'" }
        return "COMMENT ON COLUMN \(table.name).\(pick(table.columns).name) IS \(chance(25) ? "NULL" : "'c \(random.next() % 100)'")"
    }
}

/// SplitMix64: a tiny seeded generator, the same numbers on every platform
/// (Swift's own generator is not seedable).
struct SplitMix64: Sendable {
    private var state: UInt64

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
