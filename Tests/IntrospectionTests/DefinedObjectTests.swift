import Diff
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import Testing

/// Each kind held by its definition is read, and its definition is exact:
/// run on a database with only the prerequisites, it gives the same model.
@Suite struct DefinedObjectTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: ObjectKind
        var prerequisites = ""
        var sql: String
        var description: String { kind.displayName + (prerequisites.isEmpty ? "" : " (with prerequisites)") }
    }

    static let cases: [Case] = [
        Case(kind: .rule, prerequisites: "CREATE TABLE t (a int)",
             sql: "CREATE RULE r1 AS ON INSERT TO t WHERE false DO INSTEAD NOTHING; ALTER TABLE t DISABLE RULE r1"),
        Case(kind: .statistics, prerequisites: "CREATE TABLE t (a int, b int)",
             sql: "CREATE STATISTICS st (ndistinct, dependencies) ON a, b FROM t; ALTER STATISTICS st SET STATISTICS 300"),
        Case(kind: .aggregate, sql: "CREATE AGGREGATE mysum(int) (sfunc = int4pl, stype = int, initcond = '0', parallel = safe)"),
        Case(kind: .aggregate, sql: """
            CREATE AGGREGATE my_max(anyelement) (sfunc = greatest_of, stype = anyelement, sortop = >)
            """.replacingOccurrences(of: "greatest_of", with: "pg_catalog.int4larger").replacingOccurrences(of: "anyelement", with: "int")),
        Case(kind: .rangeType, sql: "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)"),
        Case(kind: .collation, sql: "CREATE COLLATION c1 (provider = libc, locale = 'C')"),
        Case(kind: .collation, sql: "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)"),
        Case(kind: .operator, prerequisites: "CREATE FUNCTION f_eq(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2'",
             sql: "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = f_eq, COMMUTATOR = ===, RESTRICT = eqsel)"),
        Case(kind: .shellType, sql: "CREATE TYPE later"),
        Case(kind: .operatorClass, sql: """
            CREATE OPERATOR CLASS int_ops2 FOR TYPE int USING btree AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=,
              OPERATOR 5 >, FUNCTION 1 btint4cmp(int, int)
            """),
        Case(kind: .operatorClass, sql: """
            CREATE OPERATOR FAMILY fam USING hash;
            CREATE OPERATOR CLASS int_hash FOR TYPE int USING hash FAMILY fam AS OPERATOR 1 =, FUNCTION 1 hashint4(int)
            """),
        Case(kind: .operatorFamily, sql: """
            CREATE OPERATOR FAMILY fam USING btree;
            ALTER OPERATOR FAMILY fam USING btree ADD OPERATOR 1 < (int, int), FUNCTION 1 btint4cmp(int, int)
            """),
        // An ordering operator (a GiST distance, as btree_gist and periods add them) needs its
        // FOR ORDER BY: written without it, the server refuses the member.
        Case(kind: .operatorFamily, prerequisites: """
            CREATE FUNCTION idist(int, int) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2)::float8'
            """, sql: """
            CREATE OPERATOR <-> (LEFTARG = int, RIGHTARG = int, FUNCTION = idist);
            CREATE OPERATOR FAMILY gf USING gist;
            ALTER OPERATOR FAMILY gf USING gist ADD OPERATOR 15 <-> (int, int) FOR ORDER BY pg_catalog.integer_ops
            """),
        Case(kind: .cast, prerequisites: "CREATE TYPE pair AS (a int, b int); CREATE FUNCTION p2t(pair) RETURNS text LANGUAGE sql AS 'SELECT ''x'''",
             sql: "CREATE CAST (pair AS text) WITH FUNCTION p2t(pair) AS ASSIGNMENT"),
        Case(kind: .transform, prerequisites: """
            CREATE FUNCTION from_sql(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
            CREATE FUNCTION to_sql(internal) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4recv'
            """, sql: """
            CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION from_sql(internal), TO SQL WITH FUNCTION to_sql(internal));
            CREATE TRANSFORM FOR text LANGUAGE sql (FROM SQL WITH FUNCTION from_sql(internal))
            """),
        Case(kind: .accessMethod, sql: "CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler"),
        Case(kind: .textSearchParser, sql: """
            CREATE TEXT SEARCH PARSER p (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype,
                                         HEADLINE = prsd_headline)
            """),
        Case(kind: .textSearchTemplate, sql: "CREATE TEXT SEARCH TEMPLATE tt (INIT = dsimple_init, LEXIZE = dsimple_lexize)"),
        Case(kind: .textSearchDictionary, sql: "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple, STOPWORDS = english)"),
        Case(kind: .textSearchConfiguration, sql: "CREATE TEXT SEARCH CONFIGURATION tsc (COPY = english)"),
        Case(kind: .foreignDataWrapper, sql: "CREATE FOREIGN DATA WRAPPER w OPTIONS (debug 'true')"),
        Case(kind: .foreignServer, sql: "CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s TYPE 'x' VERSION '1' FOREIGN DATA WRAPPER w OPTIONS (host 'h')"),
        Case(kind: .userMapping, sql: """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
            CREATE USER MAPPING FOR PUBLIC SERVER s OPTIONS (password 'hunter2')
            """),
        Case(kind: .foreignTable, sql: """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
            CREATE FOREIGN TABLE ft (a int OPTIONS (column_name 'aa') NOT NULL, b text DEFAULT 'x') SERVER s OPTIONS (table_name 'r')
            """),
        Case(kind: .foreignTable, prerequisites: "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
             sql: """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; CREATE FOREIGN TABLE ft (a int, "b c" text) SERVER s;
            COMMENT ON COLUMN ft.a IS 'remote a';
            GRANT SELECT (a), UPDATE (a) ON ft TO PUBLIC; GRANT INSERT ("b c") ON ft TO PUBLIC;
            CREATE TRIGGER tr BEFORE INSERT ON ft FOR EACH ROW EXECUTE FUNCTION f(); ALTER FOREIGN TABLE ft DISABLE TRIGGER tr;
            COMMENT ON TRIGGER tr ON ft IS 'touches'
            """),
        Case(kind: .foreignTable, sql: """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
            CREATE FOREIGN TABLE ft (a int CHECK (a > 0), b text, CONSTRAINT "b short" CHECK (length(b) < 10)) SERVER s;
            COMMENT ON CONSTRAINT "b short" ON ft IS 'ten at most'
            """),
        Case(kind: .foreignTable, prerequisites: """
            CREATE TABLE p (a int NOT NULL, b text, CONSTRAINT a_pos CHECK (a > 0)) PARTITION BY LIST (a);
            CREATE TABLE base (a int DEFAULT 1, CONSTRAINT base_a CHECK (a <> 5))
            """, sql: """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
            CREATE FOREIGN TABLE "p 1" PARTITION OF p (b DEFAULT 'x', CONSTRAINT b_set CHECK (b IS NOT NULL)) FOR VALUES IN (1) SERVER s;
            ALTER FOREIGN TABLE "p 1" ALTER COLUMN a OPTIONS (column_name 'remote_a');
            CREATE FOREIGN TABLE child (c text, CONSTRAINT c_len CHECK (length(c) < 10)) INHERITS (base) SERVER s OPTIONS (table_name 'kids')
            """),
        Case(kind: .eventTrigger, prerequisites: "CREATE FUNCTION et() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'",
             sql: "CREATE EVENT TRIGGER et ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION et(); ALTER EVENT TRIGGER et DISABLE"),
        Case(kind: .publication, prerequisites: "CREATE TABLE t (a int, b int, c int)",
             sql: "-- needs PostgreSQL 15\nCREATE PUBLICATION pub FOR TABLE t (a, b) WHERE (a > 0) WITH (publish = 'insert, update')"),
        Case(kind: .publication, sql: "CREATE PUBLICATION everything FOR ALL TABLES WITH (publish_via_partition_root = true)"),
        Case(kind: .defaultPrivileges, sql: """
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC;
            ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC
            """),
    ]

    @Test(arguments: cases)
    func eachKindIsReadAndItsDefinitionGivesItBack(_ example: Case) throws {
        if let reason = try ServerFeatures.missing(for: example.sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let original = try TestDatabase.make()
        defer { original.drop() }
        let connection = try original.connect()
        try connection.execute(example.prerequisites)
        #expect(try Inspector().inspect(connection).definedObjects == [], "the prerequisites are modelled otherwise")
        try connection.execute(example.sql)
        let model = try Inspector().inspect(connection)
        #expect(model.definedObjects.contains { $0.kind == example.kind }, "\(model.definedObjects.map(\.id))")
        #expect(model.unmodelled == [], "nothing of it is left to the census")
        let json = String(decoding: ModelJSON.encode(model), as: UTF8.self)
        #expect(!json.contains("hunter2"), "no secret is read")
        // Every comment the example sets is read (the copy below would lack it as much as the model).
        for comment in example.sql.components(separatedBy: "COMMENT ON ").dropFirst() {
            guard let text = comment.components(separatedBy: " IS '").last?.split(separator: "'").first else { continue }
            #expect(json.contains(String(text)), "comment '\(text)' is read")
        }

        let copy = try TestDatabase.make()
        defer { copy.drop() }
        let target = try copy.connect()
        try target.execute(example.prerequisites)
        for object in model.definedObjects { try target.execute(object.definition) }
        let rebuilt = try Inspector().inspect(target)
        let diff = SchemaDiff(from: model, to: rebuilt)
        #expect(diff.isEmpty, "\(DiffRenderer.text(diff))")
    }
}
