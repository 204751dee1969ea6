import SQLGeneration
import SchemaModel

/// Schemas and extended statistics: the edits a history makes across namespaces, and the
/// objects the server makes again by itself when a column's type changes under them.
extension RandomHistory {
    /// The history's search_path: `public` first (where an unqualified `CREATE` lands), then
    /// every schema it made, so each unqualified name still finds its object wherever it moved.
    var searchPath: String { "SET search_path = " + (["public"] + schemas).joined(separator: ", ") }

    /// A schema made, a table made in one, a table moved into one or back to `public` (its
    /// indexes, constraints and owned sequences move with it; what refers to it follows), a
    /// schema commented or granted, or one that holds no table dropped.
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
            guard !tables.contains(where: { $0.schema == schema }) else { return createTable(in: schema) }
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
}
