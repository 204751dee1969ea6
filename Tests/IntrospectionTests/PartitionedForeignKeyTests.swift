import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// A foreign key to or from a partitioned table has one hidden copy per
/// partition, named by the server from whatever names were free at the time.
/// They belong to the key the user declared, not to the model.
final class PartitionedForeignKeyTests: XCTestCase {
    static let schema = """
        CREATE TABLE parent (id int PRIMARY KEY) PARTITION BY RANGE (id);
        CREATE TABLE parent_1 PARTITION OF parent FOR VALUES FROM (0) TO (10);
        CREATE TABLE parent_2 PARTITION OF parent FOR VALUES FROM (10) TO (20);
        CREATE TABLE child (a int, CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES parent (id)) PARTITION BY RANGE (a);
        CREATE TABLE child_1 PARTITION OF child FOR VALUES FROM (0) TO (100);
        """

    func testTheCopiesOfAKeyAreNotConstraintsOfTheirOwn() throws {
        let model = try TestDatabase.model(after: Self.schema)
        XCTAssertEqual(model.table("public", "child")?.constraints.map(\.name), ["fk_a"])
        XCTAssertEqual(model.table("public", "child_1")?.constraints.filter { $0.kind == .foreignKey }.map(\.name), [])
    }

    func testTwoHistoriesOfOneSchemaReadTheSame() throws {
        // A partition attached, detached and dropped leaves the copies under other names.
        let other = try TestDatabase.model(after: """
            CREATE TABLE parent (id int PRIMARY KEY) PARTITION BY RANGE (id);
            CREATE TABLE parent_0 PARTITION OF parent FOR VALUES FROM (100) TO (200);
            CREATE TABLE parent_1 PARTITION OF parent FOR VALUES FROM (0) TO (10);
            CREATE TABLE child (a int, CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES parent (id)) PARTITION BY RANGE (a);
            ALTER TABLE parent DETACH PARTITION parent_0;
            DROP TABLE parent_0;
            CREATE TABLE parent_2 PARTITION OF parent FOR VALUES FROM (10) TO (20);
            CREATE TABLE child_1 PARTITION OF child FOR VALUES FROM (0) TO (100);
            """)
        XCTAssertEqual(try ModelPaths.changed(try TestDatabase.model(after: Self.schema), other), [])
    }
}
