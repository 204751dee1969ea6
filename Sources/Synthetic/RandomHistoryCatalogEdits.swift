import SQLGeneration
import SchemaModel

/// The random history's edits of schemas, extended statistics, comments and privileges on
/// members, roles and default privileges, trigger forms, views' options and index storage: the
/// edits a history makes across namespaces, the objects the server makes again by itself when a
/// column's type changes under them, and what a plan that makes an object again must give back.
extension RandomHistory {
    /// The history's search_path: `public` first (where an unqualified `CREATE` lands), then
    /// every schema it made, so each unqualified name still finds its object wherever it moved.
    var searchPath: String { "SET search_path = " + (["public"] + schemas).joined(separator: ", ") }

    /// A schema made, a table made in one, a table moved into one or back to `public` (its
    /// indexes, constraints and owned sequences move with it; what refers to it follows), a
    /// schema commented or granted, one that holds no table dropped, or one that holds tables
    /// renamed.
    mutating func schemaEdit() -> String {
        guard let schema = schemas.isEmpty || chance(15) ? nil : pick(schemas) else {
            let name = fresh("s")
            schemas.append(name)
            return "CREATE SCHEMA \(name);\n" + searchPath
        }
        switch random.next() % 5 {
        case 0:
            return createTable(in: schema)
        case 1, 2:
            let index = Int(random.next() % UInt64(tables.count))
            let old = tables[index].schema
            let new = old == "public" ? schema : (chance(50) ? "public" : pick(schemas))
            guard new != old else { return comment() }
            tables[index].schema = new
            renames = [Rename(table: QualifiedName(schema: old, name: tables[index].name), newName: tables[index].name, newSchema: new)]
            return "ALTER TABLE \(tables[index].name) SET SCHEMA \(new)"
        case 3:
            if chance(50) { return "COMMENT ON SCHEMA \(schema) IS 'schema \(random.next() % 100)'" }
            let privilege = pick(["USAGE", "CREATE", "ALL"])
            return chance(50) ? "GRANT \(privilege) ON SCHEMA \(schema) TO PUBLIC" : "REVOKE \(privilege) ON SCHEMA \(schema) FROM PUBLIC"
        default:
            if tables.contains(where: { $0.schema == schema }) {
                guard chance(50) else { return createTable(in: schema) }
                // Renamed with its tables, their keys, sequences and types: everything keeps its rows.
                let name = fresh("s")
                schemas = schemas.map { $0 == schema ? name : $0 }
                for index in tables.indices where tables[index].schema == schema { tables[index].schema = name }
                renames = [Rename(schema: schema, to: name)]
                return "ALTER SCHEMA \(schema) RENAME TO \(name);\n" + searchPath
            }
            schemas.removeAll { $0 == schema }
            return "DROP SCHEMA \(schema);\n" + searchPath
        }
    }

    /// A plain table made in `schema`, a key and a column or two.
    mutating func createTable(in schema: String) -> String {
        let sql = createTable()
        tables[tables.count - 1].schema = schema
        return "CREATE TABLE \(schema)." + sql.dropFirst("CREATE TABLE ".count)
    }

    /// Extended statistics on two columns of a table (one an expression half the time, from 14)
    /// made, given a statistics target, or dropped. Not dropped with a column's type change: the
    /// server makes them again over the new type.
    mutating func statisticsEdit() -> String {
        if let name = statistics.keys.sorted().first, chance(40) {
            guard chance(50) else { return "ALTER STATISTICS \(name) SET STATISTICS \(chance(20) ? -1 : Int(random.next() % 1000))" }
            statistics[name] = nil
            return "DROP STATISTICS \(name)"
        }
        let index = Int(random.next() % UInt64(tables.count))
        let scalar: Set<String> = ["integer", "bigint", "text", "varchar(40)", "numeric(10,2)", "numeric(14,4)", "date", "boolean", "timestamptz"]
        let columns = tables[index].columns.filter { scalar.contains($0.type) }.map(\.name)
        guard columns.count >= 2 else { return addColumn() }
        let first = pick(columns), second = pick(columns.filter { $0 != first })
        let name = fresh("st")
        statistics[name] = (tables[index].name, [first, second])
        let table = tables[index].name
        if standardBodies, chance(50) {
            return "CREATE STATISTICS \(name) ON (\(first) IS NULL), \(second) FROM \(table)"
        }
        return "CREATE STATISTICS \(name)\(pick(["", " (ndistinct)", " (dependencies)", " (mcv)", " (ndistinct, dependencies)"])) "
            + "ON \(first), \(second) FROM \(table)"
    }

    /// A comment on, or a privilege granted or revoked on, an object plans drop and make again
    /// around a change: an index, a constraint, a trigger, a policy, a view or one of its
    /// columns, a materialized view, a function, a sequence. Made again, it must get them back.
    mutating func memberNote() -> String {
        var commented: [String] = [], granted: [String] = []
        for table in tables {
            commented += table.indexes.keys.sorted().map { "INDEX \($0)" }
            commented += ([table.primaryKey] + table.checks + table.foreignKeys.keys.sorted()).map { "CONSTRAINT \($0) ON \(table.name)" }
            commented += (table.trigger.map { ["TRIGGER \($0) ON \(table.name)"] } ?? [])
            commented += table.policies.keys.sorted().map { "POLICY \($0) ON \(table.name)" }
        }
        for view in views {
            commented += ["VIEW \(view.name)", "COLUMN \(view.name).\(pick(view.columns))"]
            granted.append("TABLE \(view.name)")
        }
        commented += matviews.map { "MATERIALIZED VIEW \($0.name)" }
        granted += matviews.map { "TABLE \($0.name)" }
        let functions = readers.keys.sorted().map { "FUNCTION \($0)()" }
        commented += functions + sequences.keys.sorted().map { "SEQUENCE \($0)" }
        granted += functions + sequences.keys.sorted().map { "SEQUENCE \($0)" }
        guard !commented.isEmpty else { return comment() }
        guard !granted.isEmpty, chance(40) else {
            return "COMMENT ON \(pick(commented)) IS \(chance(20) ? "NULL" : "'note \(random.next() % 100)'")"
        }
        let target = pick(granted)
        let privilege = target.hasPrefix("FUNCTION") ? "EXECUTE" : target.hasPrefix("SEQUENCE") ? pick(["USAGE", "SELECT", "UPDATE"])
            : pick(["SELECT", "INSERT", "ALL"])
        return chance(50) ? "GRANT \(privilege) ON \(target) TO PUBLIC" : "REVOKE \(privilege) ON \(target) FROM PUBLIC"
    }

    /// Two roles of the history's own, made once by the first edit that grants to them (the
    /// cluster keeps them, and seeds run at once may race to make them).
    static let roles = ["rh_reader", "rh_writer"]

    /// Privileges granted to and revoked from the history's roles: on a table, on some of its
    /// columns, with grant option now and then; on a schema; and by default on the tables and
    /// functions the history (and a plan) makes afterwards, in one schema or all.
    mutating func roleGrantEdit() -> String {
        var made = ""
        if !rolesMade {
            rolesMade = true
            made = Self.roles.map { "DO $$ BEGIN CREATE ROLE \($0); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n" }
                .joined()
        }
        let role = pick(Self.roles), table = pick(tables)
        let option = chance(20) ? " WITH GRANT OPTION" : ""
        switch random.next() % 5 {
        case 0:
            return made + "GRANT \(pick(["SELECT", "INSERT, UPDATE", "ALL", "TRIGGER, REFERENCES"])) ON \(table.name) TO \(role)\(option)"
        case 1:
            let column = pick(table.columns).name
            return made + "GRANT \(pick(["SELECT", "UPDATE", "INSERT, SELECT"])) (\(column)) ON \(table.name) TO \(role)\(option)"
        case 2:
            return made + (chance(50) ? "REVOKE ALL ON \(table.name) FROM \(role)"
                : "REVOKE \(pick(["SELECT", "UPDATE"])) (\(pick(table.columns).name)) ON \(table.name) FROM \(role)")
        case 3:
            let scope = schemas.isEmpty || chance(50) ? "" : " IN SCHEMA \(pick(schemas))"
            let grant = pick(["GRANT SELECT ON TABLES TO \(role)", "REVOKE SELECT ON TABLES FROM \(role)",
                              "GRANT EXECUTE ON FUNCTIONS TO \(role)", "GRANT USAGE ON SEQUENCES TO \(role)"]
                             + (scope.isEmpty ? ["REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC", "GRANT EXECUTE ON FUNCTIONS TO PUBLIC"] : []))
            return made + "ALTER DEFAULT PRIVILEGES\(scope) \(grant)"
        default:
            guard let schema = schemas.isEmpty ? nil : pick(schemas) else {
                return made + "GRANT SELECT ON \(table.name) TO \(role)"
            }
            return made + (chance(60) ? "GRANT USAGE ON SCHEMA \(schema) TO \(role)\(option)" : "REVOKE ALL ON SCHEMA \(schema) FROM \(role)")
        }
    }

    // MARK: Triggers, views' options, index storage

    /// A trigger of another form made (on a partitioned table, cloned to its partitions;
    /// statement-level with transition tables; a deferrable constraint trigger) or dropped; or a
    /// trigger disabled, or enabled for replicas or always.
    mutating func triggerVariant() -> String {
        if let existing = extraTriggers.last, chance(25) {
            extraTriggers.removeLast()
            return "DROP TRIGGER \(existing.name) ON \(existing.table)"
        }
        let existing = tables.compactMap { table in table.trigger.map { ($0, table.name) } } + extraTriggers
        if !existing.isEmpty, chance(35) {
            let (trigger, table) = pick(existing)
            return "ALTER TABLE \(table) \(pick(["DISABLE", "ENABLE", "ENABLE REPLICA", "ENABLE ALWAYS"])) TRIGGER \(trigger)"
        }
        let table = pick(tables), name = fresh("tg")
        extraTriggers.append((name, table.name))
        let function = "CREATE OR REPLACE FUNCTION any_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;\n"
        if table.partitioned || chance(30) {
            return function + "CREATE TRIGGER \(name) AFTER INSERT OR DELETE ON \(table.name) FOR EACH ROW EXECUTE FUNCTION any_audit()"
        }
        if chance(50), !children.contains(where: { $0.parent == table.name }) {
            return function + "CREATE TRIGGER \(name) AFTER UPDATE ON \(table.name) REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
                + "FOR EACH STATEMENT EXECUTE FUNCTION any_audit()"
        }
        return function + "CREATE CONSTRAINT TRIGGER \(name) AFTER INSERT ON \(table.name) DEFERRABLE INITIALLY DEFERRED "
            + "FOR EACH ROW EXECUTE FUNCTION any_audit()"
    }

    /// A view's options (a security barrier, a check option) set or reset, or a default given to
    /// its key column (what an insert through it takes).
    mutating func viewOptionEdit() -> String {
        guard let view = views.last else { return addOrDropView() }
        switch random.next() % 3 {
        case 0: return "ALTER VIEW \(view.name) SET (security_barrier = \(chance(50)))"
        case 1:
            return chance(30) ? "ALTER VIEW \(view.name) RESET (check_option)"
                : "ALTER VIEW \(view.name) SET (check_option = \(pick(["local", "cascaded"])))"
        default:
            guard view.columns.contains("id") else { return "COMMENT ON VIEW \(view.name) IS 'view \(random.next() % 100)'" }
            return "ALTER VIEW \(view.name) ALTER COLUMN id " + (chance(30) ? "DROP DEFAULT" : "SET DEFAULT \(random.next() % 100)")
        }
    }

    /// A hash or BRIN index made (left to the server: what drops its column drops it), a primary
    /// key's fill factor set, or a table clustered on its key or no longer (not a partitioned one).
    mutating func indexStorageEdit() -> String {
        let index = Int(random.next() % UInt64(tables.count))
        let table = tables[index]
        switch random.next() % 4 {
        case 0:
            let column = pick(table.columns)
            guard ["integer", "bigint", "text", "varchar(40)", "date"].contains(column.type) else { return indexVariant() }
            return "CREATE INDEX \(fresh("hx")) ON \(table.name) USING hash (\(column.name))"
        case 1:
            return "CREATE INDEX \(fresh("bx")) ON \(table.name) USING brin (id) WITH (pages_per_range = \(pick([16, 32, 64])))"
        case 2 where !table.partitioned:
            return "ALTER INDEX \(table.primaryKey) " + (chance(25) ? "RESET (fillfactor)" : "SET (fillfactor = \(60 + random.next() % 40))")
        case 3 where !table.partitioned:
            return "ALTER TABLE \(table.name) " + (chance(30) ? "SET WITHOUT CLUSTER" : "CLUSTER ON \(table.primaryKey)")
        default:
            return indexVariant()
        }
    }
}
