import Diff
import Foundation
import Introspection
import SchemaModel
import TestSupport
import XCTest

/// The model's dependencies and the diff name an object the same way: each end
/// of every `pg_depend` edge resolves to the `ObjectID` the diff matches on.
final class DependencyIdentityTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/migra")
    /// Schemas with views over tables, functions, triggers, indexes, enums, domains, overloads and partitions.
    static let sources = ["everything", "dependencies", "dependencies2", "dependencies3", "dependencies4", "triggers",
                          "enumdeps", "partitioning", "generated", "identitycols", "constraints"]
    /// Types the model does not hold, whose edges have no ObjectID.
    static let outsideTheModel: Set<String> = ["aggregate", "foreign table", "toast table"]

    func testEveryEdgeResolvesToAnObjectTheDiffKnows() throws {
        var resolved = 0
        for name in Self.sources {
            for side in ["a", "b"] {
                let database = try TestDatabase.make()
                let connection = try database.connect()
                let sql = try String(contentsOf: Self.corpus.appendingPathComponent("\(name)/\(side).sql"), encoding: .utf8)
                if let reason = try ServerFeatures.missing(for: sql) {
                    print("skipped \(name)/\(side): \(reason)")
                    continue
                }
                try connection.execute(sql)
                let model = try Inspector().inspect(connection)
                let known = Set(ModelFlattener().objects(model).map(\.id))
                let resolver = DependencyResolver(model)
                for edge in model.dependencies {
                    for end in [edge.dependent, edge.referenced] where !Self.outsideTheModel.contains(end.type) {
                        guard let id = resolver.objectID(end) else {
                            XCTFail("\(name)/\(side): \(end) does not resolve")
                            continue
                        }
                        XCTAssertTrue(known.contains(id), "\(name)/\(side): \(end) resolves to \(id), which the diff does not know")
                        resolved += 1
                    }
                }
                XCTAssertEqual(resolver.edges(of: model).count,
                               model.dependencies.filter { !Self.outsideTheModel.contains($0.dependent.type)
                                   && !Self.outsideTheModel.contains($0.referenced.type) }.count, "\(name)/\(side)")
                database.drop()
            }
        }
        XCTAssertGreaterThan(resolved, 50)
    }

    func testQuotedNamesAndOverloadsResolve() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(#"""
            CREATE SCHEMA "My Schema";
            CREATE TABLE "My Schema"."Odd ""Name""" (id int PRIMARY KEY, v text);
            CREATE INDEX "odd idx" ON "My Schema"."Odd ""Name""" (v);
            CREATE FUNCTION "My Schema".f(x integer) RETURNS integer LANGUAGE sql AS 'select x';
            CREATE FUNCTION "My Schema".f(x text) RETURNS integer LANGUAGE sql AS 'select 1';
            CREATE VIEW "My Schema".v AS SELECT "My Schema".f(id) AS a, "My Schema".f(v) AS b FROM "My Schema"."Odd ""Name""";
            """#)
        let model = try Inspector().inspect(connection)
        let edges = DependencyResolver(model).edges(of: model).map { "\($0.dependent) -> \($0.referenced)" }
        XCTAssertTrue(edges.contains(#"view "My Schema"."v" -> function "My Schema"."f"(x integer)"#), "\(edges)")
        XCTAssertTrue(edges.contains(#"view "My Schema"."v" -> function "My Schema"."f"(x text)"#), "\(edges)")
        XCTAssertTrue(edges.contains(#"view "My Schema"."v" -> table "My Schema"."Odd ""Name""""#), "\(edges)")
        XCTAssertEqual(DependencyResolver.path(#"public."a.b""c""#[...]), ["public", #"a.b"c"#])
        // Unquoted names take a path of their own, split by bytes: the same parts as the quoted reading.
        XCTAssertEqual(DependencyResolver.path("public.t"), ["public", "t"])
        XCTAssertEqual(DependencyResolver.path("ünï.cödé"), ["ünï", "cödé"])
        XCTAssertEqual(DependencyResolver.path("a."), ["a"])
        XCTAssertEqual(DependencyResolver.path(".a"), ["", "a"])
        XCTAssertEqual(DependencyResolver.path("a..b"), ["a", "", "b"])
        XCTAssertEqual(DependencyResolver.path(""), [])
        XCTAssertEqual(DependencyResolver.path(#""a".b"#), ["a", "b"])
    }
}
