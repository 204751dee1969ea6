import PostgresClient
import XCTest

final class ConnectionStringTests: XCTestCase {
    func testAURLPasswordIsRedacted() {
        let redacted = ConnectionString("postgres://crm:hunter2@db.example.com:5433/crm_prod").redacted
        XCTAssertEqual(redacted, "postgres://crm:***@db.example.com:5433/crm_prod")
    }

    func testAPasswordInTheURLQueryIsRedacted() {
        let redacted = ConnectionString("postgresql://db.example.com/crm?user=crm&password=hunter2&sslmode=require").redacted
        XCTAssertEqual(redacted, "postgresql://db.example.com/crm?user=crm&password=***&sslmode=require")
    }

    func testAKeyValuePasswordIsRedacted() {
        let redacted = ConnectionString("host=db.example.com user=crm password='hunter 2' dbname=crm").redacted
        XCTAssertFalse(redacted.contains("hunter"), redacted)
        XCTAssertTrue(redacted.contains("password=***"), redacted)
        XCTAssertTrue(redacted.contains("host=db.example.com"), redacted)
    }

    func testReplacingTheDatabaseKeepsEverythingElse() {
        let url = ConnectionString("postgres://crm:pw@db:5433/crm_prod?sslmode=disable").replacingDatabase(with: "scratch_1")
        XCTAssertEqual(url.raw, "postgres://crm:pw@db:5433/scratch_1?sslmode=disable")
        let keyValue = ConnectionString("host=/tmp/x port=5432").replacingDatabase(with: "scratch 1")
        XCTAssertEqual(keyValue.raw, "host=/tmp/x port=5432 dbname='scratch 1'")
    }
}
