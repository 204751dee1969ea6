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
        XCTAssertThrowsError(try row.int("nothing"))
    }
}
