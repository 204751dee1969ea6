import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A column's type change as the plan marks it: data loss only where a value could fail or
/// change (a widening is refused by nobody), a table rewrite only where the server rewrites.
/// Both claims are checked on the server: the values read back, and the table's file
/// (`relfilenode`) kept where the plan says no rewrite.
@Suite struct ColumnRetypeTests {
    /// Old type, new type, a value that fits the old one: each a widening the server makes in place.
    static let inPlace: [(String, String, String)] = [
        ("numeric(10,2)", "numeric(12,2)", "12345678.91"),
        ("numeric(10,2)", "numeric", "12345678.91"),
        ("varchar(20)", "varchar(40)", "'twenty characters!!'"),
        ("varchar(20)", "text", "'twenty characters!!'"),
        ("timestamp(0)", "timestamp(3)", "'2024-01-02 03:04:05'"),
        ("time(2) with time zone", "time with time zone", "'03:04:05.12+02'"),
        ("interval(1)", "interval", "'1 day 00:00:01.5'"),
        ("bit varying(4)", "bit varying(8)", "B'1011'"),
        ("cidr", "inet", "'10.1.0.0/16'"),
    ]

    @Test(arguments: inPlace.indices)
    func aWideningIsNeitherDataLossNorARewrite(_ index: Int) throws {
        let (from, to, value) = Self.inPlace[index]
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("create table t (v \(from)); insert into t values (\(value));")
        let old = try Inspector().inspect(connection)
        let new = try TestDatabase.model(after: "create table t (v \(to));")
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(plan.dataLoss.isEmpty, "\(from) → \(to): \(plan.sql)")
        #expect(!plan.sql.contains("table rewrite"), "\(from) → \(to): \(plan.sql)")
        let file = { try connection.query("select relfilenode::text from pg_class where oid = 't'::regclass").rows[0].values[0] ?? "" }
        let (before, stored) = (try file(), try connection.query("select v::text from t").rows[0].values[0])
        try connection.execute("BEGIN;\n" + plan.statements.map { $0.sql + ";" }.joined(separator: "\n") + "\nCOMMIT;")
        #expect(try Inspector().inspect(connection) == new)
        #expect(try file() == before, "\(from) → \(to): the server rewrote the table")
        #expect(try connection.query("select v::text from t").rows[0].values[0] == stored, "\(from) → \(to): the value changed")
    }

    /// What can lose digits, or be refused, stays data loss.
    @Test(arguments: [("numeric(12,2)", "numeric(10,2)"), ("numeric(10,2)", "numeric(10,1)"), ("numeric(10,2)", "numeric(10,3)"),
                      ("timestamp(3)", "timestamp(0)"), ("varchar(40)", "varchar(20)")])
    func aNarrowingIsDataLoss(_ from: String, _ to: String) throws {
        let old = try TestDatabase.model(after: "create table t (v \(from)); insert into t values (null);")
        let new = try TestDatabase.model(after: "create table t (v \(to));")
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
        #expect(!plan.dataLoss.isEmpty, "\(from) → \(to): \(plan.sql)")
    }
}

/// Without a connection the planner cannot read pg_cast: it knows which built-in types cast
/// to which (`CastRoute`), and sends a value through text where no cast exists. Checked here
/// against the server's own pg_cast, pair by pair: every retype the planner writes between
/// these types is accepted on an empty table.
@Suite struct CastRouteTests {
    static let types = [
        "smallint", "integer", "bigint", "numeric", "numeric(10,2)", "real", "double precision", "money", "oid",
        "boolean", "date", "timestamp without time zone", "timestamp(3) with time zone", "time without time zone",
        "time with time zone", "interval", "json", "jsonb", "bit(8)", "bit varying", "inet", "cidr", "macaddr",
        "uuid", "bytea", "point", "box", "polygon", "int4range", "int8range", "int4multirange",
        "regclass", "regtype", "regproc", "regprocedure", "regrole", "xid", "xid8", "text", "character varying(20)",
        "integer[]", "bigint[]", "text[]", "uuid[]",
    ]

    /// One table `t` of one column `a` of `type`.
    static func model(_ type: String) -> DatabaseModel {
        var model = DatabaseModel()
        model.schemas = [Namespace(name: "public")]
        model.tables = [Table(name: QualifiedName(schema: "public", name: "t"), columns: [Column(name: "a", position: 1, type: type)])]
        model.canonicalize()
        return model
    }

    @Test func everyRetypeBetweenBuiltInTypesIsAcceptedByTheServer() throws {
        let refused = try Self.refusedRetypes(Self.types.flatMap { from in Self.types.filter { $0 != from }.map { (from, $0) } },
                                              model: Self.model)
        #expect(refused.isEmpty, "\(refused.count) refused:\n\(refused.joined(separator: "\n"))")
    }

    /// Each pair's plan (from a table of one column of the first type to one of the second),
    /// run on an empty table in a database where `setup` ran, each rolled back: those the server
    /// refuses, with its error.
    static func refusedRetypes(_ pairs: [(String, String)], setup: String = "", model: (String) -> DatabaseModel) throws -> [String] {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        if !setup.isEmpty { try connection.execute(setup) }
        var refused: [String] = []
        try connection.execute("BEGIN")
        for (from, to) in pairs {
            let plan = Planner(from: model(from), to: model(to)).plan()
            do {
                try connection.execute("SAVEPOINT pair; CREATE TABLE t (a \(from)); "
                                       + plan.statements.map { $0.sql }.joined(separator: "\n") + "\nROLLBACK TO SAVEPOINT pair")
            } catch {
                try connection.execute("ROLLBACK TO SAVEPOINT pair")
                refused.append("\(from) → \(to): \(error)")
            }
        }
        try connection.execute("ROLLBACK")
        return refused
    }
}

extension CastRouteTests {
    /// Where a cast exists the value takes it, rather than text's round trip: an oid to a
    /// `regproc` keeps its number, an integer becomes a boolean by its value.
    @Test(arguments: [("oid", "regproc"), ("integer", "boolean"), ("bigint", "bit(8)"), ("regclass", "oid"), ("xid8", "xid"),
                      ("timestamp with time zone", "time with time zone"), ("time without time zone", "interval")])
    func aCastThatExistsIsTaken(_ from: String, _ to: String) {
        let sql = Planner(from: Self.model(from), to: Self.model(to)).plan().sql
        #expect(sql.contains("USING \"a\"::\(to)"), "\(from) → \(to): \(sql)")
    }
}

extension CastRouteTests {
    /// Domains over built-in types (one over another domain, one over an array), as the
    /// planner and the server both see them.
    static let domains = [("d_integer", "integer"), ("d_uuid", "uuid"), ("d_text", "text"), ("d_date", "date"),
                          ("d_inner", "d_integer"), ("d_bigints", "bigint[]")]

    /// `model(type)` with the domains.
    static func modelWithDomains(_ type: String) -> DatabaseModel {
        var model = model(type)
        model.domains = domains.map { Domain(name: QualifiedName(schema: "public", name: $0.0), baseType: $0.1) }
        model.canonicalize()
        return model
    }

    /// A domain casts as the type it is over: a `uuid` has no cast to a domain over an integer,
    /// and went to it directly ("cannot cast type uuid to d_integer"). Every retype to and from
    /// a domain, from and to the built-in types and the other domains, is accepted.
    @Test func everyRetypeToOrFromADomainIsAcceptedByTheServer() throws {
        let names = Self.domains.map(\.0), all = Self.types + names
        let pairs = all.flatMap { from in all.filter { $0 != from && (names.contains(from) || names.contains($0)) }.map { (from, $0) } }
        let refused = try Self.refusedRetypes(pairs, setup: Self.domains.map { "CREATE DOMAIN \($0.0) AS \($0.1);" }.joined(),
                                              model: Self.modelWithDomains)
        #expect(refused.isEmpty, "\(refused.count) refused:\n\(refused.joined(separator: "\n"))")
    }
}
