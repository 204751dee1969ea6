import Foundation
import PostgresClient
import SchemaModel

/// Reads a database's catalog into a `DatabaseModel`.
///
/// A fixed number of queries whatever the size of the schema (one per kind of
/// object), all inside one `REPEATABLE READ READ ONLY` transaction so the
/// picture is consistent, with an empty `search_path` so every name the server
/// deparses comes schema-qualified.
public struct Inspector: Sendable {
    public var filter: SchemaFilter

    public init(filter: SchemaFilter = .everything) {
        self.filter = filter
    }

    /// The model, and the server version it was read from.
    public func inspect(_ connection: Connection) throws -> DatabaseModel {
        let version = try CatalogVersion(connection: connection)
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''")
        do {
            let model = try read(connection, version: version)
            try connection.execute("COMMIT")
            return model
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func read(_ connection: Connection, version: CatalogVersion) throws -> DatabaseModel {
        func run<T>(_ name: String, _ sql: String, _ decode: (QueryResult) throws -> T) throws -> T {
            let result = try connection.query(sql)
            do {
                return try decode(result)
            } catch {
                throw IntrospectionError(query: name, underlying: "\(error)")
            }
        }
        var model = DatabaseModel()
        model.schemas = try run("schemas", NamespaceQuery.sql, NamespaceQuery.decode).filter { filter.includes($0.name) }
        model.extensions = try run("extensions", ExtensionQuery.sql, ExtensionQuery.decode)
        model.enums = try run("enums", EnumQuery.sql, EnumQuery.decode).filter { filter.includes($0.name.schema) }
        model.domains = try run("domains", DomainQuery.sql, DomainQuery.decode).filter { filter.includes($0.name.schema) }
        model.compositeTypes = try run("composite types", CompositeTypeQuery.sql, CompositeTypeQuery.decode)
            .filter { filter.includes($0.name.schema) }
        model.sequences = try run("sequences", SequenceQuery.sql, SequenceQuery.decode).filter { filter.includes($0.name.schema) }

        var tables = Dictionary(uniqueKeysWithValues: try run("tables", TableQuery.sql, TableQuery.decode)
            .filter { filter.includes($0.name.schema) }.map { ($0.name, $0) })
        for (table, column) in try run("columns", ColumnQuery.sql, ColumnQuery.decode) {
            tables[table]?.columns.append(column)
        }
        for (table, constraint) in try run("constraints", ConstraintQuery.sql, ConstraintQuery.decode) {
            tables[table]?.constraints.append(constraint)
        }
        var views = Dictionary(uniqueKeysWithValues: try run("views", ViewQuery.sql, ViewQuery.decode)
            .filter { filter.includes($0.name.schema) }.map { ($0.name, $0) })
        for (relation, index) in try run("indexes", IndexQuery.sql, IndexQuery.decode) {
            if tables[relation] != nil { tables[relation]?.indexes.append(index) } else { views[relation]?.indexes.append(index) }
        }
        for (table, trigger) in try run("triggers", TriggerQuery.sql, TriggerQuery.decode) {
            tables[table]?.triggers.append(trigger)
        }
        for (table, policy) in try run("policies", PolicyQuery.sql, PolicyQuery.decode) {
            tables[table]?.policies.append(policy)
        }
        model.tables = Array(tables.values)
        model.views = Array(views.values)
        model.functions = try run("functions", FunctionQuery.sql(version), FunctionQuery.decode)
            .filter { filter.includes($0.name.schema) }
        model.dependencies = try run("dependencies", DependencyQuery.sql) { try DependencyQuery.decode($0, filter: filter) }
        model.canonicalize()
        return model
    }
}
