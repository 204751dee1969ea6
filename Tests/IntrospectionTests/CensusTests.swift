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
        ("CREATE VIEW v AS SELECT 1 AS a; GRANT SELECT (a) ON v TO census_reader",
         #"privileges on column of view "public"."v"."a""#),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT * FROM t; ALTER VIEW v ALTER COLUMN a SET DEFAULT 1",
         #"default of view column "public"."v"."a""#),
        ("CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; CREATE FOREIGN TABLE ft (a int) SERVER s; "
            + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'; "
            + "CREATE TRIGGER tr BEFORE INSERT ON ft FOR EACH ROW EXECUTE FUNCTION f()",
         #"trigger on foreign table "tr" on "public"."ft""#),
        ("CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler; "
            + "CREATE MATERIALIZED VIEW mv USING my_heap AS SELECT 1 AS a",
         #"access method of materialized view "public"."mv""#),
    ]

    @Test(arguments: cases.indices)
    func eachUnmodelledKindIsNamed(_ index: Int) throws {
        let (sql, named) = Self.cases[index]
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("""
            DO $$ BEGIN CREATE ROLE census_reader NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """)
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
