import EmbeddedServer
import PostgresClient
import TestSupport
import XCTest

final class ConnectionTests: XCTestCase {
    func testAQueryReturnsTypedValues() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let result = try connection.query("SELECT 42 AS answer, 'forty-two'::text AS name, true AS yes, NULL::int AS nothing")
        let row = try XCTUnwrap(result.rows.first)
        XCTAssertEqual(try row.int("answer"), 42)
        XCTAssertEqual(try row.string("name"), "forty-two")
        XCTAssertEqual(try row.bool("yes"), true)
        XCTAssertNil(try row.optionalInt("nothing"))
        XCTAssertThrowsError(try row.int("nothing")) { error in
            XCTAssertEqual(error as? RowError, .unexpectedNull(column: "nothing"))
        }
        XCTAssertThrowsError(try row.string("missing"))
    }

    func testParametersIncludingNullsRoundTrip() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let result = try connection.query(
            "SELECT $1::int + 1 AS next, $2::text IS NULL AS was_null, NOT $3::bool AS negated, $4::text AS echoed",
            [41, nil, false, "it's; -- not a comment"])
        let row = try XCTUnwrap(result.rows.first)
        XCTAssertEqual(try row.int("next"), 42)
        XCTAssertEqual(try row.bool("was_null"), true)
        XCTAssertEqual(try row.bool("negated"), true)
        XCTAssertEqual(try row.string("echoed"), "it's; -- not a comment")
    }

    func testNonASCIITextSurvivesBothWays() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let text = "Zoë Müller — 東京 🚀"
        try connection.execute("CREATE TABLE people (name text)")
        try connection.query("INSERT INTO people VALUES ($1)", [text])
        let row = try XCTUnwrap(connection.query("SELECT name, length(name) AS characters FROM people").rows.first)
        XCTAssertEqual(try row.string("name"), text)
        XCTAssertEqual(try row.int("characters"), text.unicodeScalars.count)
    }

    func testSeveralStatementsRunInOneExecute() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let last = try connection.execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2); SELECT count(*) AS n FROM t;")
        XCTAssertEqual(try last.rows.first?.int("n"), 2)
    }

    func testASyntaxErrorCarriesSQLStateAndPosition() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        let sql = "SELECT 1;\nSELEC 2"
        XCTAssertThrowsError(try connection.execute(sql)) { error in
            guard case let .server(serverError)? = error as? PostgresError else { return XCTFail("\(error)") }
            XCTAssertEqual(serverError.sqlState, "42601")
            XCTAssertEqual(serverError.position, 11) // the "S" of SELEC, 1-based characters
            XCTAssertEqual(serverError.statement, sql)
            XCTAssertTrue(serverError.message.contains("syntax error"), serverError.message)
        }
    }

    func testAnUndefinedTableIs42P01WithItsName() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        XCTAssertThrowsError(try connection.query("SELECT * FROM contacts")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42P01")
            XCTAssertTrue("\(error)".contains("\"contacts\""))
        }
    }

    func testNoticesAreCollectedNotPrinted() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute("DO $$ BEGIN RAISE NOTICE 'hello %', 'there'; END $$;")
        let notices = connection.drainNotices()
        XCTAssertEqual(notices.map(\.message), ["hello there"])
        XCTAssertEqual(notices.first?.severity, "NOTICE")
        XCTAssertTrue(connection.drainNotices().isEmpty)
    }

    func testAWrongPasswordIsAClearErrorWithoutThePassword() throws {
        let database = try TestDatabase.make()
        let admin = try database.connect()
        let role = "alice_" + database.name.suffix(6)
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'right-password'")
        defer { _ = try? admin.execute("DROP ROLE \(role)") }
        let server = try EmbeddedPostgres.shared()
        let secret = "s3cr3t-Wr0ng"
        let url = "postgresql://\(role):\(secret)@localhost/\(database.name)?host=\(server.socketDirectory)"
        XCTAssertThrowsError(try Connection(url)) { error in
            guard case let .connectionFailed(where_, message)? = error as? PostgresError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("password authentication failed"), message)
            XCTAssertTrue(where_.contains(server.socketDirectory), where_)
            XCTAssertFalse("\(error)".contains(secret))
        }
        // The right password does connect, so the failure above is about the password.
        XCTAssertNoThrow(try Connection(url.replacingOccurrences(of: secret, with: "right-password")))
    }

    func testAMissingSocketNamesTheSocket() throws {
        let folder = "/tmp/schemactl-no-such-folder"
        XCTAssertThrowsError(try Connection("host=\(folder) port=5499 user=postgres password=hunter2 dbname=x")) { error in
            guard case let .connectionFailed(where_, message)? = error as? PostgresError else { return XCTFail("\(error)") }
            XCTAssertTrue((where_ + message).contains("\(folder)/.s.PGSQL.5499"), "\(where_) \(message)")
            XCTAssertTrue(message.contains("No such file or directory"), message)
            XCTAssertFalse("\(error)".contains("hunter2"))
        }
    }
}
