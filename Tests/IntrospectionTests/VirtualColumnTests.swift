import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// PostgreSQL 18's virtual generated columns: an expression with no default,
/// which a reader of `attgenerated = 's'` alone would lose.
final class VirtualColumnTests: XCTestCase {
    func testAVirtualGeneratedColumnKeepsItsExpression() throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        guard connection.serverVersionNumber >= 180000 else {
            throw XCTSkip("virtual generated columns arrived in PostgreSQL 18; this server is \(connection.serverVersionNumber / 10000)")
        }
        try connection.execute("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL, c int GENERATED ALWAYS AS (a * 3) STORED)")
        let table = try XCTUnwrap(try Inspector().inspect(connection).table("public", "t"))
        XCTAssertEqual(table.column("b")?.generatedExpression, "(a * 2)")
        XCTAssertEqual(table.column("b")?.generatedStorage, "VIRTUAL")
        XCTAssertNil(table.column("b")?.defaultExpression)
        XCTAssertEqual(table.column("c")?.generatedStorage, nil)
    }
}
