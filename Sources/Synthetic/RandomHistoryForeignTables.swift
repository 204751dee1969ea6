/// The random history's foreign tables, on servers of a wrapper with no handler (core
/// PostgreSQL accepts any option for it, and reads no row: the tables hold none). The planner
/// changes a foreign table in place (`ALTER FOREIGN TABLE`) where it can and makes it again
/// where it cannot (another server); both must keep the views over it, its checks, triggers,
/// comments, grants, and its and its columns' options. The history edits them as a user
/// would: views dropped and made again around a column's change, as the server asks.
extension RandomHistory {
    struct ForeignTable: Sendable {
        var name: String
        var server: String
        var columns: [Column]
        /// The table's options (`schema_name`, `table_name`), and each column's `column_name`.
        var options: [String: String] = [:]
        var columnOptions: [String: String] = [:]
        var checks: [String] = []
        var trigger: String?
    }

    mutating func foreignTableEdit() -> String {
        guard !foreignServers.isEmpty else {
            let wrapper = foreignWrapperMade ? "" : "CREATE FOREIGN DATA WRAPPER rh_wrapper;\n"
            foreignWrapperMade = true
            return wrapper + createServer() + ";\n" + createForeignTable()
        }
        guard !foreignTables.isEmpty else { return createForeignTable() }
        let index = Int(random.next() % UInt64(foreignTables.count))
        let table = foreignTables[index]
        let columns = table.columns.filter { $0.name != "id" }
        switch random.next() % 19 {
        case 0: return foreignTables.count < 4 ? createForeignTable() : addForeignColumn(index)
        case 1:
            foreignTables.remove(at: index)
            return (dropForeignViews(on: table.name) + ["DROP FOREIGN TABLE \(table.name)"]).joined(separator: ";\n")
        case 2: return addForeignColumn(index)
        case 3 where !columns.isEmpty:
            let column = pick(columns).name
            let gone = dropForeignViews(foreignViews.filter { $0.table == table.name && $0.columns.contains(column) })
            foreignTables[index].columns.removeAll { $0.name == column }
            foreignTables[index].columnOptions[column] = nil
            return (gone + ["ALTER FOREIGN TABLE \(table.name) DROP COLUMN \(column)"]).joined(separator: ";\n")
        case 4: return retypeForeignColumn(index)
        case 5 where !columns.isEmpty:
            let column = pick(columns)
            let position = table.columns.firstIndex { $0.name == column.name }!
            foreignTables[index].columns[position].notNull.toggle()
            return "ALTER FOREIGN TABLE \(table.name) ALTER COLUMN \(column.name) \(column.notNull ? "DROP" : "SET") NOT NULL"
        case 6 where !columns.isEmpty:
            let column = pick(columns)
            let position = table.columns.firstIndex { $0.name == column.name }!
            let value = column.defaultValue == nil || chance(50) ? foreignDefault(column.type) : nil
            foreignTables[index].columns[position].defaultValue = value
            return "ALTER FOREIGN TABLE \(table.name) ALTER COLUMN \(column.name) " + (value.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT")
        case 7:
            let key = pick(["schema_name", "table_name"])
            let action: String
            if table.options[key] == nil {
                action = "ADD"
                foreignTables[index].options[key] = "r\(random.next() % 100)"
            } else if chance(50) {
                action = "SET"
                foreignTables[index].options[key] = "r\(random.next() % 100)"
            } else {
                action = "DROP"
                foreignTables[index].options[key] = nil
            }
            return "ALTER FOREIGN TABLE \(table.name) OPTIONS (\(action) \(key)\(foreignTables[index].options[key].map { " '\($0)'" } ?? ""))"
        case 8:
            let column = pick(table.columns).name
            let action = table.columnOptions[column] == nil ? "ADD" : chance(50) ? "SET" : "DROP"
            foreignTables[index].columnOptions[column] = action == "DROP" ? nil : "remote_\(random.next() % 100)"
            return "ALTER FOREIGN TABLE \(table.name) ALTER COLUMN \(column) OPTIONS (\(action) column_name"
                + (foreignTables[index].columnOptions[column].map { " '\($0)'" } ?? "") + ")"
        case 9:
            if let check = table.checks.first, chance(50) {
                foreignTables[index].checks.removeFirst()
                return "ALTER FOREIGN TABLE \(table.name) DROP CONSTRAINT \(check)"
            }
            let check = fresh("ck") + "_id"
            foreignTables[index].checks.append(check)
            return "ALTER FOREIGN TABLE \(table.name) ADD CONSTRAINT \(check) CHECK (id > \(random.next() % 10))"
        case 10:
            if let view = foreignViews.first(where: { $0.table == table.name }), chance(40) {
                foreignViews.removeAll { $0.name == view.name }
                return "DROP VIEW \(view.name)"
            }
            let view = View(name: fresh("fv"), table: table.name, columns: ["id"] + (columns.isEmpty ? [] : [pick(columns).name]))
            foreignViews.append(view)
            return createView(view)
        case 11:
            switch random.next() % 4 {
            case 0: return "COMMENT ON FOREIGN TABLE \(table.name) IS \(chance(25) ? "NULL" : "'remote \(random.next() % 100)'")"
            case 1: return "COMMENT ON COLUMN \(table.name).\(pick(table.columns).name) IS 'remote column \(random.next() % 100)'"
            case 2: return "GRANT \(pick(["SELECT", "INSERT, UPDATE", "ALL"])) ON \(table.name) TO PUBLIC"
            default: return chance(50) ? "REVOKE ALL ON \(table.name) FROM PUBLIC" : "GRANT SELECT (\(pick(table.columns).name)) ON \(table.name) TO PUBLIC"
            }
        case 12: return foreignServerEdit(index)
        case 13:
            if let trigger = table.trigger {
                foreignTables[index].trigger = nil
                return "DROP TRIGGER \(trigger) ON \(table.name)"
            }
            let trigger = fresh("tg")
            foreignTables[index].trigger = trigger
            return "CREATE OR REPLACE FUNCTION rh_remote_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                + "CREATE TRIGGER \(trigger) BEFORE INSERT OR UPDATE ON \(table.name) FOR EACH ROW EXECUTE FUNCTION rh_remote_row()"
        case 14 where !columns.isEmpty:
            // Views keep reading a renamed column (by number): the planner, which sees a column go
            // and another come, must make them again.
            let old = pick(columns).name, new = fresh("c")
            let position = table.columns.firstIndex { $0.name == old }!
            foreignTables[index].columns[position].name = new
            foreignTables[index].columnOptions[new] = foreignTables[index].columnOptions.removeValue(forKey: old)
            for view in foreignViews.indices where foreignViews[view].table == table.name {
                foreignViews[view].columns = foreignViews[view].columns.map { $0 == old ? new : $0 }
            }
            return "ALTER FOREIGN TABLE \(table.name) RENAME COLUMN \(old) TO \(new)"
        case 16, 17, 18: return foreignTreeEdit()
        default:
            let new = fresh("ft")
            foreignTables[index].name = new
            for view in foreignViews.indices where foreignViews[view].table == table.name { foreignViews[view].table = new }
            return "ALTER FOREIGN TABLE \(table.name) RENAME TO \(new)"
        }
    }

    mutating func createForeignTable() -> String {
        var table = ForeignTable(name: fresh("ft"), server: pick(foreignServers), columns: [Column(name: "id", type: "integer", notNull: true)])
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let column = Column(name: fresh("c"), type: pick(foreignTypes), notNull: chance(20))
            if chance(30) { table.columnOptions[column.name] = "remote_\(column.name)" }
            table.columns.append(column)
        }
        if chance(60) { table.options = ["schema_name": "remote", "table_name": table.name] }
        foreignTables.append(table)
        return create(table)
    }

    /// `CREATE FOREIGN TABLE` of `table`, with its columns' options, NOT NULL and defaults, and its options.
    func create(_ table: ForeignTable) -> String {
        let list = table.columns.map { column in
            column.name + " " + column.type
                + (table.columnOptions[column.name].map { " OPTIONS (column_name '\($0)')" } ?? "")
                + (column.notNull ? " NOT NULL" : "") + (column.defaultValue.map { " DEFAULT \($0)" } ?? "")
        }
        let options = table.options.sorted { $0.key < $1.key }.map { "\($0.key) '\($0.value)'" }
        return "CREATE FOREIGN TABLE \(table.name) (\(list.joined(separator: ", "))) SERVER \(table.server)"
            + (options.isEmpty ? "" : " OPTIONS (\(options.joined(separator: ", ")))")
    }

    mutating func createServer() -> String {
        let server = fresh("fs")
        foreignServers.append(server)
        return "CREATE SERVER \(server) TYPE 'remote' FOREIGN DATA WRAPPER rh_wrapper OPTIONS (host 'h\(counter)', port '5432')"
    }

    var foreignTypes: [String] { ["integer", "text", "bigint", "numeric(10,2)", "varchar(40)"] }

    func foreignDefault(_ type: String) -> String {
        type.contains("int") || type.hasPrefix("numeric") ? "\(counter % 50)" : "'n\(counter % 50)'"
    }

    mutating func addForeignColumn(_ index: Int) -> String {
        var column = Column(name: fresh("c"), type: pick(foreignTypes))
        var sql = "ALTER FOREIGN TABLE \(foreignTables[index].name) ADD COLUMN \(column.name) \(column.type)"
        if chance(30) {
            foreignTables[index].columnOptions[column.name] = "remote_\(column.name)"
            sql += " OPTIONS (column_name 'remote_\(column.name)')"
        }
        if chance(30) {
            column.defaultValue = foreignDefault(column.type)
            sql += " DEFAULT \(column.defaultValue!)"
        }
        if chance(20) {
            column.notNull = true
            sql += " NOT NULL"
        }
        foreignTables[index].columns.append(column)
        return sql
    }

    /// A column's type changed, with the views over the table dropped before and made again after
    /// (the server refuses to change a column a view reads). A default is kept where it casts.
    mutating func retypeForeignColumn(_ index: Int) -> String {
        let table = foreignTables[index]
        let position = Int(random.next() % UInt64(table.columns.count))
        let column = table.columns[position]
        let type = assignedType(from: column.type)
        foreignTables[index].columns[position].type = type
        // Under a view over it most often: the view goes and comes back around the change.
        var made: [String] = []
        if !foreignViews.contains(where: { $0.table == table.name }), chance(60) {
            let view = View(name: fresh("fv"), table: table.name, columns: ["id"] + (column.name == "id" ? [] : [column.name]))
            foreignViews.append(view)
            made = [createView(view)]
        }
        let views = foreignViews.filter { $0.table == table.name }
        return (made + around(views, ["ALTER FOREIGN TABLE \(table.name) ALTER COLUMN \(column.name) TYPE \(type)"]))
            .joined(separator: ";\n")
    }

    /// A server's options or version changed; another server made; a table moved to another
    /// server (made again: no statement moves it); a user mapping made or dropped; or a server
    /// dropped with what is on it.
    mutating func foreignServerEdit(_ index: Int) -> String {
        let server = pick(foreignServers)
        switch random.next() % 7 {
        case 0: return "ALTER SERVER \(server) OPTIONS (SET host 'h\(random.next() % 100)')"
        case 1: return "ALTER SERVER \(server) VERSION '\(random.next() % 20).0'"
        case 2: return createServer()
        case 3, 4:
            // Moved to another server (made there first where there is none).
            let made = foreignServers.count > 1 ? [] : [createServer()]
            let table = foreignTables[index]
            let views = foreignViews.filter { $0.table == table.name }
            foreignTables[index].server = pick(foreignServers.filter { $0 != table.server })
            foreignTables[index].checks = []
            foreignTables[index].trigger = nil
            return (made + around(views, ["DROP FOREIGN TABLE \(table.name)", create(foreignTables[index])])).joined(separator: ";\n")
        case 5:
            foreignServers.removeAll { $0 == server }
            userMappings.remove(server)
            let gone = Set(foreignTables.filter { $0.server == server }.map(\.name)
                           + foreignTrees.flatMap { $0.members.filter { $0.server == server }.map(\.name) })
            foreignTables.removeAll { gone.contains($0.name) }
            for tree in foreignTrees.indices { foreignTrees[tree].members.removeAll { $0.server == server } }
            foreignViews.removeAll { gone.contains($0.table) }
            return "DROP SERVER \(server) CASCADE"
        default:
            if userMappings.contains(server) {
                userMappings.remove(server)
                return "DROP USER MAPPING FOR PUBLIC SERVER \(server)"
            }
            userMappings.insert(server)
            return "CREATE USER MAPPING FOR PUBLIC SERVER \(server)"
        }
    }

    /// A table with foreign tables under it: partitioned by range of `id` with a local partition
    /// and foreign ones, or a parent with a foreign inheritance child. The history's other edits
    /// never reach it: a column changed under a foreign member takes no `USING` (the server
    /// refuses it there), so its types change only where an assignment cast does it.
    struct ForeignTree: Sendable {
        var name: String
        var partitioned: Bool
        var columns: [Column]
        /// Its foreign partitions (or children) with their servers, and its local partition.
        var members: [(name: String, server: String)]
        var local: String?
        var nextBound = 200
        /// Its index, with the column it covers (a drop of that column drops it).
        var index: (name: String, column: String)?
        var check: String?
    }

    mutating func foreignTreeEdit() -> String {
        guard !foreignTrees.isEmpty, foreignTrees.count >= 2 || chance(70) else { return createForeignTree() }
        let index = Int(random.next() % UInt64(foreignTrees.count))
        let tree = foreignTrees[index]
        let columns = tree.columns.filter { $0.name != "id" }
        let views = foreignViews.filter { view in view.table == tree.name || tree.members.contains { $0.name == view.table } }
        switch random.next() % 9 {
        case 0 where !columns.isEmpty:
            let column = pick(columns)
            let position = tree.columns.firstIndex { $0.name == column.name }!
            let type = assignedType(from: column.type)
            foreignTrees[index].columns[position].type = type
            return around(views, ["ALTER TABLE \(tree.name) ALTER COLUMN \(column.name) TYPE \(type)"]).joined(separator: ";\n")
        case 1:
            let column = Column(name: fresh("c"), type: pick(foreignTypes))
            foreignTrees[index].columns.append(column)
            return "ALTER TABLE \(tree.name) ADD COLUMN \(column.name) \(column.type)"
        case 2 where !columns.isEmpty:
            let column = pick(columns).name
            foreignTrees[index].columns.removeAll { $0.name == column }
            if tree.index?.column == column { foreignTrees[index].index = nil }
            return (dropForeignViews(views.filter { $0.columns.contains(column) }.reversed()) + ["ALTER TABLE \(tree.name) DROP COLUMN \(column)"])
                .joined(separator: ";\n")
        case 3 where tree.partitioned:
            let member = (name: fresh("ft"), server: pick(foreignServers)), from = tree.nextBound
            foreignTrees[index].members.append(member)
            foreignTrees[index].nextBound += 100
            return "CREATE FOREIGN TABLE \(member.name) PARTITION OF \(tree.name) FOR VALUES FROM (\(from)) TO (\(from + 100)) SERVER \(member.server)"
        case 4 where !tree.members.isEmpty, 8 where !tree.members.isEmpty:
            // Dropped, or detached (partitioned) or let go of (inherited): a foreign table of its own
            // from then on, with the tree's columns (and a child's own).
            let member = pick(tree.members)
            foreignTrees[index].members.removeAll { $0.name == member.name }
            if chance(40) {
                return (dropForeignViews(on: member.name) + ["DROP FOREIGN TABLE \(member.name)"]).joined(separator: ";\n")
            }
            let own = tree.partitioned ? [] : [Column(name: "extra", type: "text")]
            foreignTables.append(ForeignTable(name: member.name, server: member.server, columns: tree.columns + own, checks: tree.check.map { [$0] } ?? []))
            return tree.partitioned ? "ALTER TABLE \(tree.name) DETACH PARTITION \(member.name)" : "ALTER FOREIGN TABLE \(member.name) NO INHERIT \(tree.name)"
        case 5:
            if let existing = tree.index {
                foreignTrees[index].index = nil
                return "DROP INDEX \(existing.name)"
            }
            let covered = (name: fresh("ix"), column: pick(tree.columns).name)
            foreignTrees[index].index = covered
            return "CREATE INDEX \(covered.name) ON \(tree.name) (\(covered.column))"
        case 6:
            if let existing = tree.check {
                foreignTrees[index].check = nil
                return "ALTER TABLE \(tree.name) DROP CONSTRAINT \(existing)"
            }
            let name = fresh("ck") + "_id"
            foreignTrees[index].check = name
            return "ALTER TABLE \(tree.name) ADD CONSTRAINT \(name) CHECK (id >= 0)"
        default:
            if let view = views.first, chance(40) {
                foreignViews.removeAll { $0.name == view.name }
                return "DROP VIEW \(view.name)"
            }
            let over = tree.members.isEmpty || chance(50) ? tree.name : pick(tree.members).name
            let view = View(name: fresh("fv"), table: over, columns: ["id"] + (columns.isEmpty ? [] : [pick(columns).name]))
            foreignViews.append(view)
            return createView(view)
        }
    }

    mutating func createForeignTree() -> String {
        let partitioned = chance(60)
        var tree = ForeignTree(name: fresh(partitioned ? "fp" : "fb"), partitioned: partitioned,
                               columns: [Column(name: "id", type: "integer", notNull: true), Column(name: fresh("c"), type: pick(foreignTypes))],
                               members: [])
        let list = tree.columns.map(\.declaration).joined(separator: ", ")
        let member = (name: fresh("ft"), server: pick(foreignServers))
        tree.members = [member]
        var sql: [String]
        if partitioned {
            tree.local = fresh("p")
            sql = ["CREATE TABLE \(tree.name) (\(list)) PARTITION BY RANGE (id)",
                   "CREATE TABLE \(tree.local!) PARTITION OF \(tree.name) FOR VALUES FROM (0) TO (100)",
                   "CREATE FOREIGN TABLE \(member.name) PARTITION OF \(tree.name) FOR VALUES FROM (100) TO (200) SERVER \(member.server)"]
        } else {
            sql = ["CREATE TABLE \(tree.name) (\(list))",
                   "CREATE FOREIGN TABLE \(member.name) (extra text) INHERITS (\(tree.name)) SERVER \(member.server)"]
        }
        foreignTrees.append(tree)
        return sql.joined(separator: ";\n")
    }

    /// The type an assignment cast takes `type` to (no `USING`).
    func assignedType(from type: String) -> String {
        switch type {
        case "integer": return "bigint"
        case "bigint": return "numeric(10,2)"
        case "text": return "varchar(80)"
        case "varchar(40)", "varchar(80)": return "text"
        case "numeric(10,2)": return "numeric(14,4)"
        default: return "integer"
        }
    }

    /// `statements` with `views` dropped before them (the last made first) and made again after:
    /// the server refuses to change or drop what a view reads.
    func around(_ views: [View], _ statements: [String]) -> [String] {
        views.reversed().map { "DROP VIEW \($0.name)" } + statements + views.map { createView($0) }
    }

    /// The statements that drop the views over foreign table `name` (forgotten).
    mutating func dropForeignViews(on name: String) -> [String] {
        dropForeignViews(foreignViews.filter { $0.table == name }.reversed())
    }

    /// `gone` forgotten, and the statements that drop them, in the order given.
    mutating func dropForeignViews(_ gone: [View]) -> [String] {
        foreignViews.removeAll { view in gone.contains { $0.name == view.name } }
        return gone.map { "DROP VIEW \($0.name)" }
    }
}
