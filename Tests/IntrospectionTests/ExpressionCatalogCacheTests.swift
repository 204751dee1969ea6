import Foundation
@testable import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import Testing

/// pg_catalog's operators and functions are read once per process and shared by every
/// database whose pg_catalog is initdb's; a database where anything was added to
/// pg_catalog is read whole, as before.
@Suite struct ExpressionCatalogCacheTests {
    private static func key(_ connection: Connection) throws -> String? {
        try connection.query("SELECT " + ExpressionCatalogQuery.systemKeyColumn).rows.first?.optionalString("expression_catalog_key")
    }

    @Test func twoNewDatabasesShareTheKeyAndTheCacheHoldsWhatAWholeReadGives() throws {
        let first = try TestDatabase.make(), second = try TestDatabase.make()
        defer { first.drop(); second.drop() }
        let key = try #require(try Self.key(first.connect()))
        #expect(try Self.key(second.connect()) == key)
        #expect(key.hasPrefix(String(try first.connect().serverVersionNumber) + "/"))
        // The inspection kept pg_catalog's part under the key; it is what reading it all gives.
        let connection = try first.connect()
        try connection.execute("CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood CHECK (m > 'sad'), n int CHECK (abs(n) < 5))")
        _ = try Inspector().inspect(connection)
        let cached = try #require(ExpressionCatalogQuery.systemCache.withLock { $0[key] })
        let whole = try ExpressionCatalogQuery.decode(connection.query(ExpressionCatalogQuery.sql))
        #expect(cached.operators.count == whole.operators.count && !cached.operators.isEmpty)
        #expect(Set(cached.functions.keys) == Set(whole.functions.keys))
        #expect(cached.littleEndianDatums == whole.littleEndianDatums)
        #expect(cached.enumTypes.isEmpty && cached.enumLabels.isEmpty, "enums are the database's own: read each time")
        // A second inspection, from the cache, reads the enum constant and the call as the server writes them.
        let model = try Inspector().inspect(connection)
        #expect(try definitionMismatches(model, connection).0 == [])
    }

    @Test func aFunctionAddedToPgCatalogTakesTheDatabaseOutOfTheCache() throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("""
            CREATE FUNCTION pg_catalog.schemactl_twice(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
            CREATE TABLE t (n int CHECK (schemactl_twice(n) < 10));
            """)
        #expect(try Self.key(connection) == nil)
        let model = try Inspector().inspect(connection)
        #expect(try definitionMismatches(model, connection).0 == [])
        let check = try #require(model.tables.first?.constraints.first)
        #expect(check.definition.contains("schemactl_twice(n)"))
    }
}
