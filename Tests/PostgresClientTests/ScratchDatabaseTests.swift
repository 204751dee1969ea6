import EmbeddedServer
import PostgresClient
import XCTest

final class ScratchDatabaseTests: XCTestCase {
    func testItCreatesAUniquelyNamedDatabaseAndDropsOnlyThatOne() throws {
        let server = try EmbeddedPostgres.shared().connectionString()
        let admin = try Connection(server)
        try admin.execute("CREATE DATABASE someone_elses")
        defer { _ = try? admin.execute("DROP DATABASE someone_elses") }

        let first = try ScratchDatabase(on: server)
        let second = try ScratchDatabase(on: server)
        XCTAssertNotEqual(first.name, second.name)
        XCTAssertTrue(first.name.hasPrefix("schemactl_scratch_"))
        let inside = try first.connect()
        XCTAssertEqual(try inside.query("SELECT current_database() AS db").rows.first?.string("db"), first.name)

        first.drop()
        second.drop()
        let remaining = try admin.query("SELECT datname FROM pg_database").rows.map { try $0.string("datname") }
        XCTAssertFalse(remaining.contains(first.name))
        XCTAssertFalse(remaining.contains(second.name))
        XCTAssertTrue(remaining.contains("someone_elses"))
    }

    func testAScratchServerFromTheEnvironmentIsUsed() throws {
        let embedded = try EmbeddedPostgres.shared().connectionString()
        let chosen = try ScratchDatabase.server(explicit: nil, environment: ["SCHEMACTL_SCRATCH_URL": "postgres://elsewhere/db"])
        XCTAssertEqual(chosen.raw, "postgres://elsewhere/db")
        XCTAssertEqual(try ScratchDatabase.server(explicit: "host=/x", environment: ["SCHEMACTL_SCRATCH_URL": "postgres://elsewhere/db"]).raw, "host=/x")
        XCTAssertEqual(try ScratchDatabase.server(explicit: nil, environment: [:]), embedded)
    }
}
