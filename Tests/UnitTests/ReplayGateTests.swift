@testable import Replay
import XCTest

/// Which replays hold the embedded server alone: those whose text may change the cluster.
final class ReplayGateTests: XCTestCase {
    func testStatementsThatChangeTheClusterAreFoundInAnyCaseAndInsideBodies() {
        for text in ["CREATE ROLE app;", "create   user\nbob;", "Alter Group g ADD USER u;", "drop role if exists app;",
                     "ALTER SYSTEM SET work_mem = '8MB';", "CREATE TABLESPACE fast LOCATION '/x';",
                     "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app; END IF; END $$;"] {
            XCTAssertTrue(ReplayGate.mayChangeCluster(text), text)
        }
    }

    func testOrdinarySchemasShareTheServer() {
        for text in ["CREATE TABLE users (id int, role text, \"group\" text);", "ALTER TABLE roles ADD COLUMN system boolean;",
                     "CREATE INDEX ON users (role);", "GRANT SELECT ON users TO app_reader;",
                     "ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT SELECT ON TABLES TO reader;", "CREATE TABLE createrole (x int);"] {
            XCTAssertFalse(ReplayGate.mayChangeCluster(text), text)
        }
    }
}
