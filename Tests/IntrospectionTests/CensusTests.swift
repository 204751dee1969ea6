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
        ("CREATE TYPE floatrange AS RANGE (subtype = float8)", #"range type "public"."floatrange""#),
        ("CREATE TABLE t (a int); CREATE RULE r1 AS ON INSERT TO t WHERE false DO INSTEAD NOTHING",
         #"rule "r1" on "public"."t""#),
        ("CREATE VIEW v AS SELECT 1 AS a; COMMENT ON COLUMN v.a IS 'x'", #"comment on column of view "public"."v"."a""#),
        ("CREATE AGGREGATE mysum(int) (sfunc = int4pl, stype = int)", #"aggregate "public"."mysum"(integer)"#),
        ("CREATE TABLE t (a int, b int); CREATE STATISTICS st ON a, b FROM t", #"statistics object "public"."st""#),
        ("CREATE TABLE t (a int); CREATE PUBLICATION pub FOR TABLE t", #"publication "pub""#),
        ("CREATE COLLATION c1 (provider = libc, locale = 'C')", #"collation "public"."c1""#),
        ("CREATE TEXT SEARCH CONFIGURATION tsc (COPY = english)", #"text search configuration "public"."tsc""#),
        ("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO census_reader",
         #"default privileges for role "postgres" in schema "public" on tables"#),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT * FROM t; CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql "
            + "AS 'BEGIN RETURN NULL; END'; CREATE TRIGGER tr INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f()",
         #"trigger on view "tr" on "public"."v""#),
        ("CREATE FUNCTION f() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'; "
            + "CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()", #"event trigger "et""#),
        ("CREATE FOREIGN DATA WRAPPER w", #"foreign-data wrapper "w""#),
        ("CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w", #"foreign server "s""#),
        ("CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; "
            + "CREATE USER MAPPING FOR census_reader SERVER s OPTIONS (password 'secret')",
         #"user mapping for "census_reader" on server "s""#),
        ("CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; CREATE FOREIGN TABLE ft (a int) SERVER s",
         #"foreign table "public"."ft""#),
        ("CREATE TYPE pair AS (a int, b int); CREATE FUNCTION p2t(pair) RETURNS text LANGUAGE sql AS 'SELECT ''x''';"
            + "CREATE CAST (pair AS text) WITH FUNCTION p2t(pair)", "cast (public.pair AS text)"),
        ("CREATE TYPE shell", #"shell type "public"."shell""#),
        ("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)", #"operator "public".===(integer, integer)"#),
        ("CREATE VIEW v AS SELECT 1 AS a; GRANT SELECT (a) ON v TO census_reader",
         #"privileges on column of view "public"."v"."a""#),
    ]

    @Test(arguments: cases.indices)
    func eachUnmodelledKindIsNamed(_ index: Int) throws {
        let (sql, named) = Self.cases[index]
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("""
            DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'census_reader') THEN
              CREATE ROLE census_reader NOLOGIN; END IF; END $$
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
