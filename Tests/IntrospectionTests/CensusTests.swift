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
    /// Every kind a statement can make is modelled now; what is left is storage
    /// parameters on a foreign table, which PostgreSQL refuses to set (`ALTER
    /// FOREIGN TABLE … SET (…)` is not supported): the row goes in directly.
    static let cases: [(sql: String, named: String)] = [
        ("CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; CREATE FOREIGN TABLE ft (a int) SERVER s; "
            + "UPDATE pg_catalog.pg_class SET reloptions = '{fillfactor=50}' WHERE oid = 'ft'::regclass",
         #"storage parameters of foreign table "public"."ft""#),
        // pg_dump's tests give a system function another owner; the model takes initdb's superuser
        // to own every system object alike (the database's own pg_proc: other tests do not see it).
        ("ALTER FUNCTION pg_catalog.pg_stat_reset() OWNER TO census_reader; REVOKE EXECUTE ON FUNCTION pg_catalog.pg_stat_reset() FROM census_reader",
         #"owner of a system object function pg_stat_reset() owned by "census_reader""#),
        // The database's own session defaults, as a migration sets them without naming the database;
        // named without their value, which may be a secret.
        ("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '5s'); END $$",
         #"setting of the database "statement_timeout""#),
        ("DO $$ BEGIN EXECUTE format('ALTER ROLE census_reader IN DATABASE %I SET app.secret = %L', current_database(), 'hunter2'); END $$",
         #"setting of the database "app.secret" for role "census_reader""#),
        ("DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO census_reader', current_database()); END $$",
         #"privilege of the database CONNECT to "census_reader""#),
        ("DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$",
         "privilege of the database TEMPORARY revoked from PUBLIC"),
        ("DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'hunter2'); END $$",
         "comment on the database"),
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
        #expect(!census.joined().contains("hunter2"), "a setting's value is never printed")
    }

    /// A materialized view's columns set apart were named here until the model held them.
    @Test func aMaterializedViewsColumnSettingsAreHeldNotNamed() throws {
        if try ServerFeatures.major() < 14 { try Test.cancel("skipped: SET COMPRESSION came in PostgreSQL 14") }
        let model = try TestDatabase.model(after: """
            CREATE TABLE t (a int, b text, c numeric); CREATE MATERIALIZED VIEW mv AS SELECT a, b, c FROM t;
            ALTER MATERIALIZED VIEW mv ALTER COLUMN a SET STATISTICS 500;
            ALTER MATERIALIZED VIEW mv ALTER COLUMN b SET STORAGE main, ALTER COLUMN b SET COMPRESSION pglz;
            ALTER MATERIALIZED VIEW mv ALTER COLUMN c SET (n_distinct = -0.5, n_distinct_inherited = 3);
            """)
        #expect(model.unmodelled == [])
        let settings = try #require(model.views.first?.columnSettings)
        #expect(settings.map { "\($0.name): \($0.clauses.joined(separator: ", "))" } == [
            "a: SET STATISTICS 500", "b: SET STORAGE MAIN, SET COMPRESSION pglz",
            "c: SET (n_distinct=-0.5, n_distinct_inherited=3)"])
        #expect(ModelJSON.encode(model) == (try ModelJSON.encodeWithCodable(model)))
    }

    @Test func theCensusIsOneSentenceNamingEachObject() {
        let objects = [UnmodelledObject(kind: "rule", name: #""r1" on "public"."t""#, schema: "public"),
                       UnmodelledObject(kind: "publication", name: #""pub""#)]
        #expect(objects.census == #"2 objects schemactl does not model: rule "r1" on "public"."t", publication "pub""#)
        #expect([UnmodelledObject]().census == nil)
    }
}
