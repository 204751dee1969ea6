import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Objects the model holds by definition (aggregates, operators, operator classes,
/// foreign tables) are ends of the dependency graph like tables and functions: a
/// view over an aggregate, an operator or a foreign table, and an index with its own
/// operator class, come after them in the consolidated script. Before, these kinds
/// had no edges and were written by kind after views, so the script failed to load.
@Suite struct DefinedObjectOrderTests {
    static let sql = """
        CREATE FUNCTION add2(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
        CREATE AGGREGATE total_of(int) (SFUNC = add2, STYPE = int, INITCOND = '0');
        CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
        CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = near);
        CREATE FUNCTION compare_ints(int, int) RETURNS int LANGUAGE sql IMMUTABLE
            AS 'SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END';
        CREATE OPERATOR CLASS "Int Ops" FOR TYPE int USING btree AS FUNCTION 1 compare_ints(int, int);
        CREATE FOREIGN DATA WRAPPER nowhere;
        CREATE SERVER far FOREIGN DATA WRAPPER nowhere;
        CREATE FOREIGN TABLE remote_items (id int) SERVER far;
        CREATE TABLE nums (n int);
        CREATE INDEX nums_own_order ON nums (n "Int Ops");
        CREATE VIEW sum_of_nums AS SELECT total_of(n) AS s FROM nums;
        CREATE VIEW near_five AS SELECT n FROM nums WHERE n === 5;
        CREATE VIEW remote_ids AS SELECT id FROM remote_items;
        """

    @Test func viewsAndIndexesComeAfterTheDefinedObjectsTheyUse() throws {
        let model = try TestDatabase.model(after: Self.sql)
        let resolver = DependencyResolver(model)
        let edges = Set(resolver.edges(of: model).map { "\($0.dependent.kind.rawValue) \($0.dependent.name) -> \($0.referenced.kind.rawValue) \($0.referenced.name)" })
        for edge in ["view sum_of_nums -> aggregate total_of", "aggregate total_of -> function add2", "view near_five -> operator ===",
                     "operator === -> function near", "view remote_ids -> foreign table remote_items", "index nums_own_order -> operator class Int Ops"] {
            #expect(edges.contains(edge), "\(edge) in \(edges.sorted())")
        }
        try Proving.expectScriptOrder(model, [
            ("CREATE AGGREGATE", "\"sum_of_nums\" AS"),
            ("CREATE OPERATOR public.===", "\"near_five\" AS"),
            ("CREATE FOREIGN TABLE", "\"remote_ids\" AS"),
        ])
        try Proving.expectScriptRoundTrip(model, "defined objects in order")
        try Proving.expectDumpsAgree(Self.sql, "defined objects in order")
    }

    /// A transform needs its functions, and a function in its language over its type needs
    /// the transform when it says TRANSFORM FOR TYPE (before 18, whether or not it says so).
    @Test func aTransformComesBetweenItsFunctionsAndTheFunctionsThatUseIt() throws {
        let sql = """
            CREATE FUNCTION "from sql"(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
            CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION "from sql"(internal));
            COMMENT ON TRANSFORM FOR integer LANGUAGE plpgsql IS 'ints in';
            CREATE FUNCTION a_double(n integer) RETURNS integer LANGUAGE plpgsql TRANSFORM FOR TYPE integer AS 'BEGIN RETURN 2 * n; END';
            """
        let model = try TestDatabase.model(after: sql)
        #expect(model.unmodelled == [])
        let edges = Set(DependencyResolver(model).edges(of: model).map { "\($0.dependent.name) -> \($0.referenced.kind.rawValue) \($0.referenced.name)" })
        #expect(edges.contains("a_double -> transform FOR integer LANGUAGE plpgsql"), "\(edges.sorted())")
        #expect(edges.contains("FOR integer LANGUAGE plpgsql -> function from sql"), "\(edges.sorted())")
        try Proving.expectScriptOrder(model, [("\"from sql\"(internal)", "CREATE TRANSFORM"), ("CREATE TRANSFORM", "a_double")])
        try Proving.expectScriptRoundTrip(model, "transform")
        try Proving.expectDumpsAgree(sql, "transform")
        try Proving.expectPlanHolds(from: model, to: try TestDatabase.model(after: ""), "transform dropped")
    }

    /// A language, a text search template and a foreign-data wrapper made with functions of
    /// their own come after those functions, and a function in the language after it.
    @Test func kindsMadeWithAFunctionComeAfterIt() throws {
        let sql = """
            CREATE SCHEMA zoo;
            CREATE FUNCTION zoo.handler() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
            CREATE LANGUAGE zoo_pl HANDLER zoo.handler;
            CREATE FUNCTION zoo.one() RETURNS int LANGUAGE zoo_pl AS 'BEGIN RETURN 1; END';
            CREATE FUNCTION zoo.lexize(internal, internal, internal, internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_lexize';
            CREATE TEXT SEARCH TEMPLATE zoo.tmpl (LEXIZE = zoo.lexize);
            CREATE TEXT SEARCH DICTIONARY zoo.dict (TEMPLATE = zoo.tmpl);
            CREATE FUNCTION zoo.check_options(text[], oid) RETURNS void LANGUAGE internal STRICT AS 'postgresql_fdw_validator';
            CREATE FOREIGN DATA WRAPPER checked VALIDATOR zoo.check_options;
            CREATE SERVER there FOREIGN DATA WRAPPER checked;
            """
        let model = try TestDatabase.model(after: sql)
        let edges = Set(DependencyResolver(model).edges(of: model).map { "\($0.dependent.name) -> \($0.referenced.kind.rawValue) \($0.referenced.name)" })
        for edge in ["zoo_pl -> function handler", "one -> language zoo_pl", "tmpl -> function lexize", "dict -> text search template tmpl",
                     "checked -> function check_options", "there -> foreign-data wrapper checked"] {
            #expect(edges.contains(edge), "\(edges.sorted())")
        }
        try Proving.expectScriptOrder(model, [("zoo.handler()", "CREATE LANGUAGE"), ("CREATE LANGUAGE", "zoo.one()"),
                                              ("zoo.lexize(", "CREATE TEXT SEARCH TEMPLATE"), ("zoo.check_options(", "CREATE FOREIGN DATA WRAPPER")])
        try Proving.expectScriptRoundTrip(model, "kinds made with a function")
        try Proving.expectPlanHolds(from: model, to: try TestDatabase.model(after: ""), "kinds made with a function dropped")
    }

    /// A foreign table that is a partition or a child is written as one (`PARTITION OF`,
    /// `INHERITS`), with its own checks, after its parent.
    @Test func aForeignPartitionComesAfterItsParent() throws {
        let sql = """
            CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
            CREATE FUNCTION region_default() RETURNS text LANGUAGE sql AS 'SELECT ''eu''';
            CREATE TABLE "Sales" (id int, region text DEFAULT region_default(), CONSTRAINT id_set CHECK (id IS NOT NULL))
              PARTITION BY LIST (region);
            CREATE FOREIGN TABLE "Sales — remote" PARTITION OF "Sales" FOR VALUES IN ('us') SERVER s OPTIONS (table_name 'sales');
            CREATE TABLE "Sales — local" PARTITION OF "Sales" DEFAULT;
            CREATE TABLE audit (at timestamptz);
            CREATE FOREIGN TABLE "remote audit" (who text, CHECK (who <> '')) INHERITS (audit) SERVER s;
            """
        let model = try TestDatabase.model(after: sql)
        #expect(model.unmodelled == [])
        let edges = Set(DependencyResolver(model).edges(of: model).map { "\($0.dependent.name) -> \($0.referenced.kind.rawValue) \($0.referenced.name)" })
        #expect(edges.contains("Sales — remote -> table Sales") && edges.contains("remote audit -> table audit"), "\(edges.sorted())")
        try Proving.expectScriptOrder(model, [("CREATE TABLE IF NOT EXISTS \"public\".\"Sales\"", "PARTITION OF public.\"Sales\"")])
        try Proving.expectScriptRoundTrip(model, "foreign partition")
        try Proving.expectDumpsAgree(sql, "foreign partition")
        try Proving.expectPlanHolds(from: try TestDatabase.model(after: ""), to: model, "foreign partition added")
        try Proving.expectPlanHolds(from: model, to: try TestDatabase.model(after: ""), "foreign partition dropped")
    }

    /// A multirange (PostgreSQL 14+) stands for its range type: a domain over one (domains
    /// come before range types by kind) is created after `CREATE TYPE … AS RANGE`.
    @Test func aDomainOverAMultirangeComesAfterItsRangeType() throws {
        let sql = """
            -- needs PostgreSQL 14 (multiranges)
            CREATE TYPE floatrange AS RANGE (subtype = float8);
            CREATE DOMAIN some_ranges AS floatmultirange;
            CREATE TYPE pair AS (r floatrange, m floatmultirange);
            """
        if let reason = try ServerFeatures.missing(for: sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        let model = try TestDatabase.model(after: sql)
        let edges = Set(DependencyResolver(model).edges(of: model).map { "\($0.dependent.name) -> \($0.referenced.kind.rawValue) \($0.referenced.name)" })
        #expect(edges.contains("some_ranges -> range type floatrange"), "\(edges.sorted())")
        try Proving.expectScriptRoundTrip(model, "multirange")
        try Proving.expectDumpsAgree(sql, "multirange")
    }

    /// A cast WITH FUNCTION whose function returns text, not the target, stands on a cast
    /// WITHOUT FUNCTION from text to the target, which pg_depend does not record; by name it
    /// would come first (`integer` before `text`). From 18's create_cast test.
    @Test func aCastWithAFunctionComesAfterTheBinaryCastItsResultNeeds() throws {
        let sql = """
            CREATE TYPE wrapped;
            CREATE FUNCTION wrapped_in(cstring) RETURNS wrapped LANGUAGE internal IMMUTABLE STRICT AS 'textin';
            CREATE FUNCTION wrapped_out(wrapped) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
            CREATE TYPE wrapped (internallength = variable, input = wrapped_in, output = wrapped_out, alignment = int4);
            CREATE FUNCTION int_text(int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || $1::text $$;
            CREATE CAST (text AS wrapped) WITHOUT FUNCTION AS IMPLICIT;
            CREATE CAST (int AS wrapped) WITH FUNCTION int_text(int) AS IMPLICIT;
            """
        let model = try TestDatabase.model(after: sql)
        try Proving.expectScriptOrder(model, [("CREATE CAST (text AS public.wrapped)", "CREATE CAST (integer AS public.wrapped)")])
        try Proving.expectScriptRoundTrip(model, "casts")
    }

    /// A function's identity arguments list its OUT arguments, which the dependency's identity
    /// leaves out: among overloads, the one that takes a type matched no edge and was written
    /// before the type (PostGIS raster's `_st_valuecount`, whose script then failed to load).
    @Test func anOverloadWithOutArgumentsComesAfterTheTypeItTakes() throws {
        let sql = """
            CREATE FUNCTION ok(int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 > 0';
            CREATE DOMAIN checked AS int CHECK (ok(VALUE));
            CREATE TYPE zz_pair AS (a int, b checked);
            CREATE FUNCTION a_stats(t text, OUT n int) LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION a_stats(p zz_pair, OUT n int) LANGUAGE sql AS 'SELECT 1';
            """
        let model = try TestDatabase.model(after: sql)
        let edges = Set(DependencyResolver(model).edges(of: model).map { "\($0.dependent.name)(\($0.dependent.signature ?? "")) -> \($0.referenced.name)" })
        #expect(edges.contains("a_stats(p public.zz_pair, OUT n integer) -> zz_pair"), "\(edges.sorted())")
        try Proving.expectScriptOrder(model, [("\"zz_pair\" AS", "a_stats(p public.zz_pair")])
        try Proving.expectScriptRoundTrip(model, "an overload with OUT arguments")
    }
}
