import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// Constraints whose `conkey` holds 0 (an expression, a whole row) or a system
/// column: each of these alone used to stop every inspection of its database.
final class ExpressionKeyTests: XCTestCase {
    func testAnExclusionConstraintOverAnExpressionIsRead() throws {
        let sql = """
            CREATE EXTENSION btree_gist;
            CREATE TABLE booking (room int, starts timestamptz, ends timestamptz,
              EXCLUDE USING gist (room WITH =, tstzrange(starts, ends) WITH &&));
            """
        try requireServer(toRun: sql)
        let model = try inspect(sql)
        let constraint = try XCTUnwrap(model.table("public", "booking")?.constraints.first)
        XCTAssertEqual(constraint.kind, .exclusion)
        XCTAssertEqual(constraint.columns, ["room"])
        XCTAssertTrue(constraint.definition.contains("tstzrange(starts, ends) WITH &&"), constraint.definition)
    }

    func testAChecksOverAWholeRowAndOverASystemColumnAreRead() throws {
        let model = try inspect("""
            CREATE TABLE t (a int);
            CREATE FUNCTION ok(t) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'select true';
            ALTER TABLE t ADD CONSTRAINT t_ok CHECK (ok(t));
            CREATE TABLE t2 (a int, CONSTRAINT c CHECK (tableoid <> 0));
            """)
        XCTAssertEqual(model.table("public", "t")?.constraints.map(\.name), ["t_ok"])
        XCTAssertEqual(model.table("public", "t2")?.constraints.first?.definition, "CHECK ((tableoid <> (0)::oid))")
    }

    private func inspect(_ sql: String) throws -> DatabaseModel {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(sql)
        let model = try Inspector().inspect(connection)
        try assertDefinitionsAreTheServers(model, connection)
        return model
    }
}
