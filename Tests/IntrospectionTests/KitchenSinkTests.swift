import Diff
import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// One database holding every kind the model represents, with hostile names
/// (Fixtures/kitchen_sink.sql), against the oracle: the server's own
/// definitions, pg_dump, and one change at a time.
final class KitchenSinkTests: XCTestCase {
    static let fixture = fixturesFolder.appendingPathComponent("kitchen_sink.sql")

    private func loaded() throws -> (ScratchDatabase, DatabaseModel) {
        let sql = try String(contentsOf: Self.fixture, encoding: .utf8)
        try requireServer(toRun: sql)
        let database = try TestDatabase.make()
        addTeardownBlock { database.drop() }
        let connection = try database.connect()
        try connection.execute(sql)
        let model = try Inspector().inspect(connection)
        return (database, model)
    }

    func testEveryKindIsReadAndNothingIsLeftToTheCensus() throws {
        let (database, model) = try loaded()
        XCTAssertEqual(model.unmodelled, [])
        try assertDefinitionsAreTheServers(model, database.connect())
        let kinds = Set(model.definedObjects.map(\.kind))
        for kind: ObjectKind in [.rangeType, .shellType, .baseType, .transform, .collation, .aggregate, .operator, .cast, .rule, .statistics,
                                 .textSearchConfiguration, .foreignDataWrapper, .foreignServer, .userMapping, .foreignTable,
                                 .eventTrigger, .publication, .defaultPrivileges] {
            XCTAssertTrue(kinds.contains(kind), "no \(kind.displayName) read")
        }
        XCTAssertFalse(String(decoding: ModelJSON.encode(model), as: UTF8.self).contains("never-read"))
        // The server's own column options (Debian's 15.20 keeps a `pg_attver=N` on every column) are not the user's.
        let table = try XCTUnwrap(model.tables.first { $0.name == QualifiedName(schema: "select", name: "table") })
        XCTAssertEqual(table.columns.first { $0.name == "amount" }?.options, ["n_distinct=50"])
        XCTAssertEqual(table.storageParameters, ["fillfactor=80", "toast.autovacuum_enabled=false"], "the TOAST table's own, named toast.")
        XCTAssertEqual(table.columns.filter { $0.name != "amount" }.flatMap(\.options), [])
        // A shell operator is the operator naming it, not an object of its own (pg_dump leaves it out too).
        XCTAssertFalse(model.definedObjects.contains { $0.kind == .operator && $0.name == "<==>" })
    }

    /// Every kind of object the model holds survives the caches' JSON: the model's own
    /// compact encoding read back by the caches' decoder, and by Foundation's.
    func testTheCachesDecoderReadsBackEveryKind() throws {
        let (_, model) = try loaded()
        let bytes = [UInt8](ModelJSON.encodeCompact(model))
        // The model's own writer, without whitespace, writes what its Codable conformance does.
        func throughCodable<T: Encodable>(_ value: T) throws -> Data { try ModelJSON.encodeCompact(value) }
        XCTAssertEqual(bytes, [UInt8](try throughCodable(model)))
        XCTAssertEqual(try ModelJSON.decodeCache(DatabaseModel.self, from: bytes), model)
        XCTAssertEqual(try ModelJSON.decode(DatabaseModel.self, from: Data(bytes)), model)
        XCTAssertEqual(try ModelJSON.decodeCache(DatabaseModel.self, from: [UInt8](ModelJSON.encode(model))), model)
    }

    func testPgDumpOfItRestoresToTheSameModel() throws {
        let (database, model) = try loaded()
        let diff = SchemaDiff(from: model, to: try SchemaDump.restoredModel(of: database, original: model))
        XCTAssertTrue(diff.isEmpty, DiffRenderer.text(diff))
    }

    /// Each statement changes one object of a copy; the diff names that object.
    static let changes: [(sql: String, object: String)] = [
        (#"ALTER TYPE "Sales Δ"."Mood ☺" ADD VALUE 'great'"#, #"enum "Sales Δ"."Mood ☺""#),
        (#"ALTER DOMAIN "Sales Δ"."Positive Amount" SET DEFAULT 1"#, #"domain "Sales Δ"."Positive Amount""#),
        (#"ALTER SEQUENCE "select"."order" INCREMENT 6"#, #"sequence "select"."order""#),
        (#"ALTER TABLE "select"."table" ALTER COLUMN "From" SET DEFAULT 'later'"#, #"column "select"."table"."From""#),
        (#"ALTER TABLE "select"."table" SET (fillfactor = 90)"#, #"table "select"."table""#),
        (#"ALTER TABLE "select"."table" SET (toast.autovacuum_vacuum_cost_delay = 5)"#, #"table "select"."table""#),
        (#"COMMENT ON INDEX "select"."Index on From" IS 'x'"#, #"index "Index on From" on "select"."table""#),
        (#"ALTER TABLE "select"."table" DISABLE TRIGGER "Touch on insert""#, #"trigger "Touch on insert" on "select"."table""#),
        (#"ALTER POLICY "Readers see OK" ON "select"."table" USING (true)"#, #"policy "Readers see OK" on "select"."table""#),
        (#"ALTER TABLE "select"."table" DROP CONSTRAINT "From is not empty""#, #"constraint "From is not empty" on "select"."table""#),
        (#"ALTER FUNCTION "Sales Δ"."Touch ✓"() COST 60"#, #"function "Sales Δ"."Touch ✓"()"#),
        (#"ALTER VIEW "Sales Δ"."View of ""table""" SET (security_barrier = false)"#, #"view "Sales Δ"."View of ""table""""#),
        (#"ALTER STATISTICS "Sales Δ"."From stats" SET STATISTICS 10"#, #"statistics "Sales Δ"."From stats""#),
        (#"ALTER TABLE "Sales Δ".scratch DISABLE RULE "No deletes""#, #"rule "No deletes" on "Sales Δ"."scratch""#),
        (#"ALTER SERVER "Kitchen Server" OPTIONS (SET host 'here')"#, #"server "Kitchen Server""#),
        (#"ALTER PUBLICATION "Kitchen Publication" SET (publish = 'insert')"#, #"publication "Kitchen Publication""#),
        (#"ALTER EVENT TRIGGER "Kitchen DDL" DISABLE"#, #"event trigger "Kitchen DDL""#),
        (#"REVOKE USAGE ON SCHEMA "Sales Δ" FROM "Kitchen Reader""#, #"schema "Sales Δ""#),
        (#"COMMENT ON COLUMN "Sales Δ"."Point ∂"."y" IS 'north'"#, #"type "Sales Δ"."Point ∂""#),
        (#"ALTER TABLE "Sales Δ"."Parent Table — EU" ENABLE TRIGGER "Touch parts""#, #"table "Sales Δ"."Parent Table — EU""#),
        (#"ALTER TYPE "Sales Δ"."Raw ✓" SET (STORAGE = main)"#, #"base type "Sales Δ"."Raw ✓""#),
    ]

    func testChangingAnyOneObjectIsNamed() throws {
        let (database, model) = try loaded()
        let admin = try Connection(try EmbeddedPostgres.shared().connectionString())
        for (sql, object) in Self.changes {
            let copy = try TestDatabase.make()
            // A copy, object for object: the original as its template.
            try copy.connect().close()
            try admin.execute("DROP DATABASE \(quoted(copy.name)) WITH (FORCE)")
            try admin.execute("CREATE DATABASE \(quoted(copy.name)) TEMPLATE \(quoted(database.name))")
            let connection = try copy.connect()
            try connection.execute(sql)
            let diff = SchemaDiff(from: model, to: try Inspector().inspect(connection))
            connection.close()
            copy.drop()
            XCTAssertEqual(diff.changes.map(\.id.description), [object], sql)
        }
    }

    private func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
