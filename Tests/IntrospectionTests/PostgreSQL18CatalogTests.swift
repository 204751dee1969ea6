import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// What PostgreSQL 17 and 18 keep in their catalogs that a reader written for 15 would
/// lose or stumble on, each found by running 18's own regression suite through schemactl.
final class PostgreSQL18CatalogTests: XCTestCase {
    private func connect(atLeast major: Int, _ what: String) throws -> (ScratchDatabase, Connection) {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        guard connection.serverVersionNumber >= major * 10000 else {
            database.drop()
            throw XCTSkip("\(what) arrived in PostgreSQL \(major); this server is \(connection.serverVersionNumber / 10000)")
        }
        return (database, connection)
    }

    /// A temporal key reads `WITHOUT OVERLAPS` and `PERIOD`; a plain key over the same
    /// columns would let periods overlap. `NOT ENFORCED` is not `NOT VALID`, which checks new rows.
    func testTemporalKeysAndConstraintsNotEnforcedKeepWhatTheyMean() throws {
        let (database, connection) = try connect(atLeast: 18, "temporal keys and NOT ENFORCED")
        defer { database.drop() }
        try connection.execute("""
            CREATE EXTENSION btree_gist;
            CREATE TABLE room (id int, valid_at daterange, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
            CREATE TABLE code (x int PRIMARY KEY);
            CREATE TABLE booking (room_id int, during daterange, b int,
                FOREIGN KEY (room_id, PERIOD during) REFERENCES room (id, PERIOD valid_at),
                CONSTRAINT b_positive CHECK (b > 0) NOT ENFORCED,
                CONSTRAINT b_code FOREIGN KEY (b) REFERENCES code NOT ENFORCED);
            """)
        let model = try Inspector().inspect(connection)
        let room = try XCTUnwrap(model.table("public", "room")), booking = try XCTUnwrap(model.table("public", "booking"))
        XCTAssertEqual(room.constraints.map(\.definition), ["PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)"])
        let definitions = Dictionary(uniqueKeysWithValues: booking.constraints.map { ($0.name, $0.definition) })
        XCTAssertEqual(definitions["booking_room_id_during_fkey"], "FOREIGN KEY (room_id, PERIOD during) REFERENCES public.room(id, PERIOD valid_at)")
        XCTAssertEqual(definitions["b_positive"], "CHECK ((b > 0)) NOT ENFORCED")
        XCTAssertEqual(definitions["b_code"], "FOREIGN KEY (b) REFERENCES public.code(x) NOT ENFORCED")
    }

    /// A NOT NULL that is `NOT VALID` (18) holds for new rows only: a constraint of the model,
    /// its column not NOT NULL. One `NO INHERIT` is its column's, marked so.
    func testNotNullConstraintsNotValidAndNoInheritAreHeld() throws {
        let (database, connection) = try connect(atLeast: 18, "NOT VALID and NO INHERIT not-null constraints")
        defer { database.drop() }
        try connection.execute("""
            CREATE TABLE t (a int, b int, c int NOT NULL);
            ALTER TABLE t ADD CONSTRAINT a_later NOT NULL a NOT VALID;
            ALTER TABLE t ADD CONSTRAINT b_here NOT NULL b NO INHERIT;
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.unmodelled.map { "\($0.kind) \($0.name)" }, [])
        let table = try XCTUnwrap(model.table("public", "t"))
        XCTAssertEqual(table.constraints.map { "\($0.kind.rawValue) \($0.name): \($0.definition) \($0.columns)" },
                       ["NOT NULL a_later: NOT NULL a NOT VALID [\"a\"]"])
        XCTAssertEqual(table.columns.map(\.notNull), [false, true, true])
        XCTAssertEqual(table.columns.map(\.notNullNoInherit), [nil, true, nil])
        XCTAssertEqual(table.column("b")?.notNullName, "b_here")
        XCTAssertEqual(try ModelJSON.decode(DatabaseModel.self, from: ModelJSON.encode(model)), model)
    }

    /// From 17 a partition's identity column is its parent's, with no sequence of its own.
    func testAPartitionsIdentityIsItsParents() throws {
        let (database, connection) = try connect(atLeast: 17, "identity shared with partitions")
        defer { database.drop() }
        try connection.execute("""
            CREATE TABLE p (d date NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY) PARTITION BY RANGE (d);
            CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.table("public", "p")?.column("id")?.identity?.generation, .always)
        XCTAssertNil(try XCTUnwrap(model.table("public", "p1")).column("id")?.identity)
    }

    /// A NOT NULL's name is kept where it is not the server's own (`table_column_not_null`):
    /// given, or left by a table renamed since. A child's inherited one is its parent's, unless
    /// it was given its own.
    func testNotNullConstraintNamesOfTheirOwnAreKept() throws {
        let (database, connection) = try connect(atLeast: 18, "named not-null constraints")
        defer { database.drop() }
        try connection.execute("""
            CREATE TABLE t (a int CONSTRAINT a_required NOT NULL, b int NOT NULL);
            CREATE TABLE before_rename (x int NOT NULL);
            ALTER TABLE before_rename RENAME TO after_rename;
            CREATE TABLE kid () INHERITS (t);
            CREATE TABLE kid_named (CONSTRAINT kid_a NOT NULL a) INHERITS (t);
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.table("public", "t")?.columns.map(\.notNullName), ["a_required", nil])
        XCTAssertEqual(model.table("public", "after_rename")?.column("x")?.notNullName, "before_rename_x_not_null")
        XCTAssertEqual(model.table("public", "kid")?.columns.map(\.notNullName), [nil, nil])
        XCTAssertEqual(model.table("public", "kid_named")?.columns.map(\.notNullName), ["kid_a", nil])
        // The fast JSON writer holds it as the Codable form does.
        XCTAssertEqual(ModelJSON.encode(model), try ModelJSON.encodeWithCodable(model))
        XCTAssertEqual(try ModelJSON.decode(DatabaseModel.self, from: ModelJSON.encode(model)), model)
    }

    /// A long table's and column's NOT NULL is named by the server with both cut to fit 63 bytes
    /// (`makeObjectName`): still the server's own name, not one to keep and write out; one a
    /// user gave is kept, however long. The same for a long domain's (17).
    func testTheServersNotNullNamesOfLongNamesAreItsOwn() throws {
        let (database, connection) = try connect(atLeast: 18, "named not-null constraints")
        defer { database.drop() }
        let table = "crm_account_history_entries_with_a_long_name_x"
        try connection.execute("""
            CREATE TABLE \(table) (id int NOT NULL, amount_in_the_original_currency_of_the_transaction numeric NOT NULL,
                                   b int CONSTRAINT a_name_given_by_a_person_that_is_long_enough_to_be_cut_xyz NOT NULL);
            CREATE DOMAIN a_domain_with_a_name_long_enough_that_its_not_null_name_is_cut AS int NOT NULL;
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.table("public", table)?.columns.map(\.notNullName),
                       [nil, nil, "a_name_given_by_a_person_that_is_long_enough_to_be_cut_xyz"])
        XCTAssertEqual(model.domains.map(\.notNullName), [nil])
        let given = try connection.query("""
            SELECT conname FROM pg_catalog.pg_constraint WHERE conrelid = '\(table)'::regclass AND contype = 'n' ORDER BY conname
            """).rows.map { $0.values[0] ?? "" }
        XCTAssertEqual(given, ["a_name_given_by_a_person_that_is_long_enough_to_be_cut_xyz",
                               "crm_account_history_entries_amount_in_the_original_cur_not_null",
                               "crm_account_history_entries_with_a_long_name_x_id_not_null"], "the server's names, cut")
    }

    /// 17 keeps a domain's NOT NULL as a constraint too: its name of its own is kept.
    func testADomainsNotNullNameOfItsOwnIsKept() throws {
        let (database, connection) = try connect(atLeast: 17, "named domain NOT NULL constraints")
        defer { database.drop() }
        try connection.execute("""
            CREATE DOMAIN plain AS int NOT NULL;
            CREATE DOMAIN named AS int CONSTRAINT named_required NOT NULL;
            CREATE DOMAIN later AS int;
            ALTER DOMAIN later ADD CONSTRAINT later_nn NOT NULL;
            """)
        let model = try Inspector().inspect(connection)
        XCTAssertEqual(model.domains.map { "\($0.name.name) \($0.notNull) \($0.notNullName ?? "-")" },
                       ["later true later_nn", "named true named_required", "plain true -"])
        XCTAssertEqual(ModelJSON.encode(model), try ModelJSON.encodeWithCodable(model))
    }
}
