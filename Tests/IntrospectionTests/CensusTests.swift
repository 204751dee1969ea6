import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import Testing

/// Whatever a migration can create that the model does not represent is named
/// by the inspection, with its kind: nothing passes unseen.
@Suite struct CensusTests {
    /// Each statement, alone in an empty database, and what the census must name.
    /// A security label needs a label provider this machine has no module for
    /// (sepgsql needs SELinux): the row a provider would write goes in directly.
    static let cases: [(sql: String, named: String)] = [
        ("CREATE TABLE t (a int); INSERT INTO pg_catalog.pg_seclabel VALUES "
            + "('t'::regclass, 'pg_class'::regclass, 0, 'dummy', 'classified')",
         "security label table public.t (dummy)"),
    ]

    @Test(arguments: cases.indices)
    func eachUnmodelledKindIsNamed(_ index: Int) throws {
        let (sql, named) = Self.cases[index]
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try TestDatabase.ensureRole("census_reader")
        let before = try Inspector().inspect(connection)
        #expect(before.unmodelled == [], "an empty database has nothing unmodelled")
        try connection.execute(sql)
        let census = try Inspector().inspect(connection).unmodelled.map(\.description)
        #expect(census.contains(named), "\(sql): \(census)")
    }

    @Test func theCensusIsOneSentenceNamingEachObject() {
        let objects = [UnmodelledObject(kind: "rule", name: #""r1" on "public"."t""#, schema: "public"),
                       UnmodelledObject(kind: "publication", name: #""pub""#)]
        #expect(objects.census == #"2 objects schemactl does not model: rule "r1" on "public"."t", publication "pub""#)
        #expect([UnmodelledObject]().census == nil)
    }
}
