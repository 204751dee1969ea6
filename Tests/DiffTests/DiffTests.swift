import Diff
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

final class DiffTests: XCTestCase {
    func testAChangedColumnTypeIsReportedWithOldAndNewValue() throws {
        let (before, after) = try models("CREATE TABLE users (id int PRIMARY KEY, email text)",
                                         "ALTER TABLE users ALTER COLUMN email TYPE varchar(80)")
        let diff = SchemaDiff(from: before, to: after)
        XCTAssertEqual(diff.changes.count, 1)
        let change = try XCTUnwrap(diff.changes.first)
        XCTAssertEqual(change.change, .changed)
        XCTAssertEqual(change.kind, .column)
        XCTAssertEqual(change.id.sql, "\"public\".\"users\".\"email\"")
        XCTAssertEqual(change.id.parent, ObjectID(.table, QualifiedName(schema: "public", name: "users")))
        // The change carries the model's own values, not only their rendering.
        guard case let .column(old)? = change.old, case let .column(new)? = change.new else {
            return XCTFail("a column change should carry both columns: \(change)")
        }
        XCTAssertEqual(old.type, "text")
        XCTAssertEqual(new.type, "character varying(80)")
        XCTAssertEqual(change.properties, [SchemaDiff.PropertyChange(name: "type", old: "text", new: "character varying(80)")])
        XCTAssertEqual(DiffRenderer.text(diff), """
            ~ column "public"."users"."email"
                type: text → character varying(80)

            1 difference: 0 added, 0 removed, 1 changed

            """)
        let json = try JSONSerialization.jsonObject(with: DiffRenderer.json(diff)) as? [String: Any]
        XCTAssertEqual(json?["equal"] as? Bool, false)
        let first = (json?["changes"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["change"] as? String, "changed")
        XCTAssertEqual(first?["object"] as? String, "\"public\".\"users\".\"email\"")
        XCTAssertEqual((first?["properties"] as? [[String: Any]])?.first?["new"] as? String, "character varying(80)")
    }

    func testAnAddedIndexAndADroppedColumnAreMarked() throws {
        let (before, after) = try models("CREATE TABLE users (id int PRIMARY KEY, email text, legacy int)",
                                         "CREATE INDEX users_email ON users (email); ALTER TABLE users DROP COLUMN legacy")
        let text = DiffRenderer.text(SchemaDiff(from: before, to: after))
        XCTAssertTrue(text.contains("- column \"public\".\"users\".\"legacy\"\n"), text)
        XCTAssertTrue(text.contains("+ index \"users_email\" on \"public\".\"users\"\n"), text)
    }

    func testADroppedTableIsOneChangeNotOnePerColumn() throws {
        let (before, after) = try models("CREATE TABLE a (id int PRIMARY KEY, x text, y text)", "DROP TABLE a")
        let diff = SchemaDiff(from: before, to: after)
        XCTAssertEqual(diff.changes.map(\.kind), [.table])
        XCTAssertEqual(diff.changes.first?.change, .removed)
    }

    func testColumnOrderIsNotDriftUnlessAskedFor() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (a int, b int)")
        let first = try Inspector().inspect(connection)
        try connection.execute("DROP TABLE t; CREATE TABLE t (b int, a int)")
        let second = try Inspector().inspect(connection)
        XCTAssertTrue(SchemaDiff(from: first, to: second).isEmpty)
        let ordered = SchemaDiff(from: first, to: second, flattener: ModelFlattener(columnOrder: true))
        XCTAssertEqual(Set(ordered.changes.flatMap { $0.properties.map(\.name) }), ["position"])
    }

    /// A child that declared a column before it inherited it keeps the column when the parent
    /// drops it; one that inherited it does not. PostgreSQL cannot change that in place, so it
    /// is compared with the column order.
    func testAColumnAChildAlsoDeclaresIsComparedWithTheColumnOrder() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE TABLE parent (a int); CREATE TABLE child (x int) INHERITS (parent)")
        let inherited = try Inspector().inspect(connection)
        try connection.execute("DROP TABLE child; CREATE TABLE child (a int, x int) INHERITS (parent)")
        let declared = try Inspector().inspect(connection)
        XCTAssertEqual(declared.tables.first { $0.name.name == "child" }?.column("a")?.inheritedAndLocal, true)
        XCTAssertTrue(SchemaDiff(from: inherited, to: declared).isEmpty)
        let ordered = SchemaDiff(from: inherited, to: declared, flattener: ModelFlattener(columnOrder: true))
        XCTAssertEqual(ordered.changes.map(\.id.sql), [#""public"."child"."a""#])
        XCTAssertEqual(Set(ordered.changes.flatMap { $0.properties.map(\.name) }), ["inherited and declared locally"])
    }

    func testAChangedFunctionBodyIsReported() throws {
        let (before, after) = try models("CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'",
                                         "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1'")
        let diff = SchemaDiff(from: before, to: after)
        XCTAssertEqual(diff.changes.first?.id.sql, "\"public\".\"f\"(x integer)")
        XCTAssertEqual(diff.changes.first?.properties, [SchemaDiff.PropertyChange(name: "body", old: "SELECT x", new: "SELECT x + 1")])
    }

    func testIdenticalModelsGiveAnEmptyReport() throws {
        let (before, _) = try models("CREATE TABLE a (id int)", "SELECT 1")
        let diff = SchemaDiff(from: before, to: before)
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(DiffRenderer.text(diff), "")
        XCTAssertEqual(String(decoding: try DiffRenderer.json(diff), as: UTF8.self), "{\n  \"changes\" : [],\n  \"equal\" : true,\n  \"unmodelledAdded\" : [],\n  \"unmodelledRemoved\" : []\n}\n")
    }

    private func models(_ setup: String, _ change: String) throws -> (DatabaseModel, DatabaseModel) {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(setup)
        let before = try Inspector().inspect(connection)
        try connection.execute(change)
        return (before, try Inspector().inspect(connection))
    }
}
