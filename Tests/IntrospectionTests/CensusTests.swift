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
    static let cases: [(sql: String, named: String)] = [
        ("CREATE TABLE p (a int) PARTITION BY LIST (a); CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1); "
            + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; "
            + "CREATE TRIGGER tr BEFORE INSERT ON p FOR EACH ROW EXECUTE FUNCTION f(); ALTER TABLE p1 DISABLE TRIGGER tr",
         #"state of trigger on partition "tr" on "public"."p1""#),
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
