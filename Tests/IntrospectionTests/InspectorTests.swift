import Diff
import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

final class InspectorTests: XCTestCase {
    func testTheCRMSchemaIsReadCompletely() throws {
        let database = try crmDatabase()
        let model = try Inspector().inspect(database.connect())
        let checked = try assertDefinitionsAreTheServers(model, database.connect())
        XCTAssertGreaterThan(checked.constraints, 20)

        XCTAssertEqual(model.extensions.map(\.name), ["pgcrypto", "uuid-ossp"])
        XCTAssertEqual(model.enums.first?.labels, ["lead", "qualified", "proposal", "negotiation", "won", "lost"])
        let deals = try XCTUnwrap(model.table("public", "deals"))
        XCTAssertEqual(deals.column("amount")?.type, "numeric(12,2)")
        XCTAssertEqual(deals.column("stage")?.type, "public.deal_stage")
        XCTAssertEqual(deals.column("stage")?.defaultExpression, "'lead'::public.deal_stage")
        XCTAssertEqual(deals.column("id")?.defaultExpression, "public.uuid_generate_v4()")
        let statusKey = try XCTUnwrap(deals.constraint("deals_pipeline_status_id_fkey")?.foreignKey)
        XCTAssertEqual(statusKey.referencedTable, QualifiedName(schema: "public", name: "pipeline_statuses"))
        XCTAssertEqual(statusKey.onDelete, "RESTRICT")
        XCTAssertEqual(statusKey.onUpdate, "CASCADE")
        XCTAssertEqual(deals.index("idx_deals_open_close_date")?.predicate,
                       "(stage <> ALL (ARRAY['won'::public.deal_stage, 'lost'::public.deal_stage]))")
        XCTAssertEqual(deals.trigger("trg_deals_stage_history")?.when, "(old.stage IS DISTINCT FROM new.stage)")
        XCTAssertEqual(deals.trigger("trg_deals_stage_history")?.events, ["UPDATE"])
        XCTAssertEqual(deals.trigger("trg_deals_updated_at")?.function, QualifiedName(schema: "public", name: "set_updated_at"))

        let companies = try XCTUnwrap(model.table("public", "companies"))
        XCTAssertEqual(companies.index("idx_companies_custom_fields")?.method, "gin")
        XCTAssertEqual(companies.index("idx_companies_custom_fields")?.operatorClasses, ["pg_catalog.jsonb_path_ops"])
        XCTAssertEqual(companies.comment, "Organisations we sell to.")
        let statuses = try XCTUnwrap(model.table("public", "pipeline_statuses"))
        XCTAssertEqual(statuses.constraint("pipeline_statuses_position_key")?.initiallyDeferred, true)
        let tickets = try XCTUnwrap(model.table("public", "support_tickets"))
        XCTAssertEqual(tickets.column("id")?.identity?.generation, .always)
        XCTAssertEqual(tickets.column("id")?.identity?.sequence.dataType, "bigint")
        XCTAssertFalse(model.sequences.contains { $0.name.name == "support_tickets_id_seq" }, "identity sequences belong to their column")
        XCTAssertEqual(model.sequences.first { $0.name.name == "pipeline_statuses_id_seq" }?.ownedBy,
                       ColumnReference(table: statuses.name, column: "id"))
        let history = try XCTUnwrap(model.functions.first { $0.name.name == "record_deal_stage_change" })
        XCTAssertEqual(history.configuration, ["search_path=public"])
        XCTAssertEqual(history.language, "plpgsql")
        XCTAssertEqual(history.result, "trigger")
        XCTAssertEqual(model.views.map(\.name.name), ["deal_pipeline"])
        XCTAssertTrue(model.dependencies.contains(Dependency(
            dependent: ObjectAddress(type: "view", identity: "public.deal_pipeline"),
            referenced: ObjectAddress(type: "table", identity: "public.deals"))))
        XCTAssertTrue(model.dependencies.contains(Dependency(
            dependent: ObjectAddress(type: "table", identity: "public.deals"),
            referenced: ObjectAddress(type: "type", identity: "public.deal_stage"))))
        // uuid-ossp's functions are the extension's, not ours.
        XCTAssertFalse(model.functions.contains { $0.name.name == "uuid_generate_v4" })
        XCTAssertTrue(model.dependencies.contains(Dependency(
            dependent: ObjectAddress(type: "table", identity: "public.users"),
            referenced: ObjectAddress(type: "extension", identity: "\"uuid-ossp\""))))
    }

    func testInspectingTwiceGivesIdenticalBytes() throws {
        let database = try crmDatabase()
        let model = try Inspector().inspect(database.connect())
        let first = ModelJSON.encode(model)
        let second = ModelJSON.encode(try Inspector().inspect(database.connect()))
        XCTAssertEqual(first, second)
        XCTAssertEqual(first, try ModelJSON.encodeWithCodable(model))
        XCTAssertEqual(try ModelJSON.decode(DatabaseModel.self, from: first), model)
    }

    func testHostileNamesComeBackExact() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(String(contentsOf: fixturesFolder.appendingPathComponent("schemas/hostile_names.sql"), encoding: .utf8))
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(Set(model.schemas.map(\.name)), ["Sales Team", "public", "ünïcødé"])
        let order = try XCTUnwrap(model.table("Sales Team", "Order"))
        XCTAssertEqual(order.columns.map(\.name), ["select", "Column With Spaces", "quote\"inside", "日本語", "UPPER"])
        XCTAssertEqual(order.comment, "it's a \"comment\"")
        XCTAssertEqual(order.index("Index \"Quoted\"")?.keys, ["\"Column With Spaces\""])
        XCTAssertEqual(model.table("ünïcødé", "table;drop")?.columns.map(\.name), ["a\"b"])
        XCTAssertEqual(model.enums.first?.labels, ["new", "it's done", "with,comma", "with \"quotes\""])
        XCTAssertEqual(model.views.first?.name, QualifiedName(schema: "Sales Team", name: "Order View"))
        XCTAssertEqual(order.name.sql, "\"Sales Team\".\"Order\"")
    }

    func testASubscriptionIsNamedByTheCensusAndItsConnectionIsNotRead() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        // connect = false: no publisher is reached, and no slot made.
        try connection.execute("""
            CREATE SUBSCRIPTION "Orders In" CONNECTION 'host=publisher.invalid dbname=crm password=s3cret'
              PUBLICATION crm WITH (connect = false, enabled = false, create_slot = false, slot_name = NONE)
            """)
        defer { _ = try? connection.execute(#"DROP SUBSCRIPTION "Orders In""#) }
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.unmodelled, [UnmodelledObject(kind: "subscription", name: #""Orders In""#, schema: nil)])
        XCTAssertFalse(String(decoding: ModelJSON.encode(model), as: UTF8.self).contains("s3cret"))
        // Another database of the same server holds none.
        let other = try TestDatabase.make()
        XCTAssertEqual(try Inspector().inspect(other.connect()).unmodelled, [])
    }

    func testARelationInATablespaceOfItsOwnIsNamedByTheCensus() throws {
        // A tablespace's folder must belong to the server's account (postgres, when tests run as root).
        let folder = NSTemporaryDirectory() + "schemactl-tablespace-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: folder) }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let tablespace = "schemactl_" + UUID().uuidString.prefix(8).lowercased()
        try connection.execute("CREATE TABLESPACE \(tablespace) LOCATION '\(folder)'")
        defer {
            _ = try? connection.execute("DROP TABLE IF EXISTS fast_table, plain_table")
            _ = try? connection.execute("DROP TABLESPACE \(tablespace)")
        }
        try connection.execute("""
            CREATE TABLE fast_table (id int PRIMARY KEY USING INDEX TABLESPACE \(tablespace)) TABLESPACE \(tablespace);
            CREATE TABLE plain_table (id int PRIMARY KEY);
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.unmodelled.map { "\($0.kind) \($0.name)" }, [
            #"tablespace "\#(tablespace)" of index "public"."fast_table_pkey""#,
            #"tablespace "\#(tablespace)" of table "public"."fast_table""#,
        ])
    }

    func testSchemaFiltersLeaveSchemasOut() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE SCHEMA crm; CREATE SCHEMA audit; CREATE TABLE crm.a (id int); CREATE TABLE audit.b (id int); CREATE TABLE public.c (id int);")
        let only = try Inspector(filter: SchemaFilter(only: ["crm"])).inspect(connection)
        XCTAssertEqual(only.tables.map(\.name.name), ["a"])
        XCTAssertEqual(only.schemas.map(\.name), ["crm"])
        let excluded = try Inspector(filter: SchemaFilter(excluded: ["audit"])).inspect(connection)
        XCTAssertEqual(excluded.tables.map(\.name.name), ["a", "c"])
    }

    func testTheSnapshotIsConsistentEvenWhileTheSchemaChanges() throws {
        // The queries run in one REPEATABLE READ transaction: a table created by
        // another session mid-inspection cannot appear in some lists and not others.
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("CREATE TABLE a (id int)")
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.tables.count, 1)
        // And the transaction is over: the connection can write again.
        XCTAssertNoThrow(try connection.execute("CREATE TABLE b (id int)"))
    }

    func testAnUnsupportedServerVersionIsRefused() {
        XCTAssertThrowsError(try CatalogVersion(serverVersionNumber: 120_005)) { error in
            XCTAssertTrue("\(error)".contains("PostgreSQL 12 is not supported"))
        }
        XCTAssertNoThrow(try CatalogVersion(serverVersionNumber: 170_002))
    }

    /// The oracle on the CRM history: nothing left to the census, and its
    /// pg_dump -s restored into a new database reads as the same schema.
    func testTheCRMSchemaSurvivesPgDump() throws {
        let database = try crmDatabase()
        let model = try Inspector().inspect(database.connect())
        XCTAssertEqual(model.unmodelled, [])
        let diff = SchemaDiff(from: model, to: try SchemaDump.restoredModel(of: database, original: model))
        XCTAssertTrue(diff.isEmpty, DiffRenderer.text(diff))
    }

    /// A database with the whole CRM history applied.
    private func crmDatabase() throws -> ScratchDatabase {
        try requireServer(toReplay: projectRoot + "/migrations")
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(SchemaVersions.createStatement)
        for migration in try MigrationDirectory.load(projectRoot + "/migrations").migrations {
            try connection.execute(String(contentsOf: migration.file, encoding: .utf8))
        }
        return database
    }
}

let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
