import Diff
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// Privileges are compared as what may be done, beside PostgreSQL's defaults;
/// owners only when asked.
final class PrivilegeTests: XCTestCase {
    override func setUpWithError() throws {
        try TestDatabase.ensureRole("crm_reader")
        try TestDatabase.ensureRole("crm_owner")
    }

    func testAFreshDatabaseHasOnlyDefaultPrivileges() throws {
        let model = try TestDatabase.model(after: "CREATE TABLE t (a int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        XCTAssertEqual(model.schemas.flatMap(\.privileges), [], "the public schema as initdb made it")
        XCTAssertEqual(model.tables.flatMap(\.privileges), [])
        XCTAssertEqual(model.functions.flatMap(\.privileges), [], "EXECUTE to PUBLIC is the default")
    }

    /// A production `public` is often owned by the application's role: ALTER SCHEMA … OWNER
    /// gives it initdb's entries for the owner, which is no privilege of the user's. A
    /// revoke after that still is.
    func testThePublicSchemaOwnedByAnotherRoleHasOnlyItsDefaultPrivileges() throws {
        let fresh = try TestDatabase.model(after: "CREATE TABLE t (a int)")
        let owned = try TestDatabase.model(after: "ALTER SCHEMA public OWNER TO crm_owner; CREATE TABLE t (a int)")
        XCTAssertEqual(owned.schemas.first { $0.name == "public" }?.owner, "crm_owner")
        XCTAssertEqual(owned.schemas.flatMap(\.privileges), [])
        XCTAssertTrue(SchemaDiff(from: fresh, to: owned).isEmpty, "\(SchemaDiff(from: fresh, to: owned).changes)")
        let revoked = try TestDatabase.model(after: "ALTER SCHEMA public OWNER TO crm_owner; REVOKE USAGE ON SCHEMA public FROM PUBLIC")
        XCTAssertEqual(revoked.schemas.flatMap(\.privileges).map(\.description), ["USAGE revoked from PUBLIC"])
    }

    func testAGrantThenItsRevokeLeavesNoPrivilege() throws {
        let model = try TestDatabase.model(after: "CREATE TABLE t (a int); GRANT SELECT ON t TO crm_reader; REVOKE SELECT ON t FROM crm_reader")
        XCTAssertEqual(model.table("public", "t")?.privileges, [])
    }

    func testGrantsAndRevokesAreNamedAsTheyApply() throws {
        let model = try TestDatabase.model(after: """
            CREATE TABLE t (a int);
            GRANT SELECT ON t TO crm_reader WITH GRANT OPTION;
            GRANT INSERT ON t TO PUBLIC;
            REVOKE TRUNCATE ON t FROM CURRENT_USER;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
            """)
        XCTAssertEqual(model.table("public", "t")?.privileges.map(\.description),
                       ["INSERT to PUBLIC", #"SELECT to "crm_reader" with grant option"#, "TRUNCATE revoked from the owner"])
        XCTAssertEqual(model.functions.first?.privileges.map(\.description), ["EXECUTE revoked from PUBLIC"])
    }

    func testOwnersAreComparedOnlyWhenAsked() throws {
        let mine = try TestDatabase.model(after: "CREATE TABLE t (a int); GRANT SELECT ON t TO crm_reader")
        let theirs = try TestDatabase.model(after: "CREATE TABLE t (a int); GRANT SELECT ON t TO crm_reader; ALTER TABLE t OWNER TO crm_owner")
        XCTAssertEqual(theirs.table("public", "t")?.owner, "crm_owner")
        XCTAssertEqual(theirs.table("public", "t")?.privileges, mine.table("public", "t")?.privileges,
                       "the owner's own privileges are the owner's, whoever that is")
        XCTAssertTrue(SchemaDiff(from: mine, to: theirs).isEmpty)
        let withOwners = SchemaDiff(from: mine, to: theirs, flattener: ModelFlattener(owners: true))
        XCTAssertEqual(withOwners.changes.map { $0.properties.map(\.name) }, [["owner"]])
    }
}
