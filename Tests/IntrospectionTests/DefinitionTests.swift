import Foundation
@testable import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// Index and constraint definitions are written in Swift where that can be exact; wherever
/// they come from, they must read as the server's own pg_get_indexdef.
final class DefinitionTests: XCTestCase {
    func testEveryShapeOfIndexReadsAsTheServerWritesIt() throws {
        XCTAssertEqual(try checkDefinitions(of: "indexes.sql").indexes, try ServerFeatures.major() >= 15 ? 26 : 25)
    }

    func testEveryShapeOfConstraintReadsAsTheServerWritesIt() throws {
        XCTAssertEqual(try checkDefinitions(of: "constraints.sql").constraints, try ServerFeatures.major() >= 15 ? 14 : 12)
    }

    /// Loads Fixtures/definitions/`file` (before 15, up to its `-- PostgreSQL 15 and later:`
    /// part), inspects it and compares every definition with the server's.
    private func checkDefinitions(of file: String) throws -> (indexes: Int, constraints: Int) {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        var sql = try String(contentsOf: fixturesFolder.appendingPathComponent("definitions/" + file), encoding: .utf8)
        if try ServerFeatures.major() < 15, let later = sql.range(of: "-- PostgreSQL 15 and later:") { sql = String(sql[..<later.lowerBound]) }
        try connection.execute(sql)
        return try assertDefinitionsAreTheServers(try Inspector().inspect(connection), connection)
    }

    func testEveryShapeOfExpressionReadsAsTheServerWritesIt() throws {
        let compared = try checkDefinitions(of: "expressions.sql")
        XCTAssertEqual(compared.indexes, 19)
        XCTAssertEqual(compared.constraints, 42)
    }

    func testTheDeparserIsBoundedByMajorAndCanBeSwitchedOff() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(String(contentsOf: fixturesFolder.appendingPathComponent("definitions/expressions.sql"), encoding: .utf8))
        let withSwift = try Inspector(deparser: DeparserPolicy(environment: ["SCHEMACTL_SWIFT_DEPARSER": "on"])).inspect(connection)
        let serverOnly = try Inspector(deparser: DeparserPolicy(environment: ["SCHEMACTL_SWIFT_DEPARSER": "off"])).inspect(connection)
        XCTAssertEqual(withSwift, serverOnly, "the Swift deparser and the server disagree")
        XCTAssertTrue(DeparserPolicy(environment: [:]).allows(serverVersion: 150_018))
        XCTAssertFalse(DeparserPolicy(environment: [:]).allows(serverVersion: 190_000), "an untested major deparses its own expressions")
        XCTAssertFalse(DeparserPolicy(environment: ["SCHEMACTL_SWIFT_DEPARSER": "off"]).allows(serverVersion: 150_018))
    }

    /// Which checks Swift writes itself (the rest go to the server): the common
    /// shapes must not, or the server would build every table's relation cache.
    func testCommonChecksAreDeparsedWithoutTheServer() throws {
        let database = try TestDatabase.make()
        let connection = try database.connect()
        try connection.execute(String(contentsOf: fixturesFolder.appendingPathComponent("definitions/expressions.sql"), encoding: .utf8))
        try connection.execute("BEGIN; SET LOCAL search_path = ''")
        let catalog = try ExpressionCatalogQuery.decode(try connection.query(ExpressionCatalogQuery.sql))
        let rows = try connection.query("""
            SELECT con.conname AS name, con.conbin AS tree, pg_catalog.pg_get_expr(con.conbin, con.conrelid) AS server,
                   (SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname) ORDER BY a.attnum)
                      FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum > 0) AS columns
            FROM pg_catalog.pg_constraint con WHERE con.contype = 'c' AND con.conrelid <> 0
            """).rows
        try connection.execute("COMMIT")
        var written: Set<String> = []
        for row in rows {
            let columns = try row.stringArray("columns")
            let deparser = ExpressionDeparser(columnName: { $0 <= columns.count ? columns[$0 - 1] : nil }, catalog: catalog)
            let name = try row.string("name")
            guard let text = try row.withBytes("tree", { $0.flatMap(NodeTreeParser.expression) }).flatMap(deparser.text(of:)) else { continue }
            XCTAssertEqual(text, try row.string("server"), name)
            written.insert(name)
        }
        // Left to the server: user functions, dates' constants, CASE, COLLATE, backslashes
        // and non-ASCII text (their quoting depends on settings). On a major the deparser does not
        // run on (14's node trees differ in places), what it does write must still be the server's.
        guard DeparserPolicy.testedMajors.contains(try ServerFeatures.major()) else { return }
        XCTAssertEqual(written.sorted(), [
            "arithmetic", "bigint_literal", "bool_literal", "bool_test", "cast_text", "char_compare", "coalesce_check",
            "enum_cast", "enum_compare", "enum_in", "explicit_cast", "in_list", "inherited_no", "int_compare", "json_check", "later", "like_check",
            "lower_name", "negative_int", "not_in_list", "not_test", "null_literal", "numeric_cast", "numeric_huge",
            "numeric_literal", "numeric_negative", "numeric_tiny", "prefix_minus", "regex_check", "small_compare",
            "text_length", "varchar_compare", "varchar_in",
        ])
    }

    func testAPlainIndexIsWrittenWithoutTheServer() {
        let text = definition(keys: [key("\"Select\""), key("created")], options: [0, 1], include: ["amount"], predicate: "(amount > 0)")
        XCTAssertEqual(text, "CREATE UNIQUE INDEX \"Weird Index\" ON \"Other Schema\".t USING btree (\"Select\", created DESC NULLS LAST) "
                       + "INCLUDE (amount) WHERE (amount > 0)")
        XCTAssertEqual(definition(keys: [key("a")], options: [3]), "CREATE UNIQUE INDEX \"Weird Index\" ON \"Other Schema\".t USING btree (a DESC)")
        XCTAssertEqual(definition(keys: [key("a")], options: [2]), "CREATE UNIQUE INDEX \"Weird Index\" ON \"Other Schema\".t USING btree (a NULLS FIRST)")
        XCTAssertEqual(definition(keys: [key("a", operatorClass: pattern)]),
                       "CREATE UNIQUE INDEX \"Weird Index\" ON \"Other Schema\".t USING btree (a text_pattern_ops)")
    }

    func testWhatOnlyTheServerCanSayIsLeftToIt() {
        // A collation other than the column's: its name would have to be looked up.
        XCTAssertNil(definition(keys: [key("a")], collations: ["950"]))
        // A default class for another type than the column's (text_ops on varchar).
        XCTAssertNil(definition(keys: [key("a", type: "1043")]))
        // Ordering options on a method that does not order.
        XCTAssertNil(definition(keys: [key("a")], options: [1], method: "gist"))
        // A key of unknown type: an expression the deparser could not write.
        XCTAssertNil(definition(keys: [IndexDefinition.Key(text: "lower(a)", typeOID: nil, collationOID: nil, operatorClass: textOps)]))
    }

    private let textOps = OperatorClass(qualifiedName: "pg_catalog.text_ops", shownName: "text_ops", isDefault: true, inputTypeOID: "25")
    private let pattern = OperatorClass(qualifiedName: "pg_catalog.text_pattern_ops", shownName: "text_pattern_ops",
                                        isDefault: false, inputTypeOID: "25")

    private func key(_ name: String, type: String = "25", operatorClass: OperatorClass? = nil) -> IndexDefinition.Key {
        IndexDefinition.Key(column: ColumnNames.Entry(name: name, quoted: name, typeOID: type, collationOID: "100"),
                            operatorClass: operatorClass ?? textOps)
    }

    private func definition(keys: [IndexDefinition.Key], options: [Int]? = nil, collations: [String]? = nil, method: String = "btree",
                            include: [String] = [], predicate: String? = nil) -> String? {
        IndexDefinition(quotedName: "\"Weird Index\"", quotedSchema: "\"Other Schema\"", quotedTable: "t", quotedMethod: method,
                        method: method, unique: true, keys: keys, include: include,
                        options: options ?? keys.map { _ in 0 }, collations: collations ?? keys.map { _ in "100" },
                        predicate: predicate).text
    }
}

/// Compares every index and constraint of `model` with pg_get_indexdef and
/// pg_get_constraintdef on `connection`; returns how many of each it compared.
@discardableResult
func assertDefinitionsAreTheServers(_ model: DatabaseModel, _ connection: Connection, _ context: String = "",
                                    file: StaticString = #filePath, line: UInt = #line) throws -> (indexes: Int, constraints: Int) {
    let (mismatches, compared) = try definitionMismatches(model, connection)
    for mismatch in mismatches { XCTFail("\(context) \(mismatch)", file: file, line: line) }
    return compared
}

/// Every index and constraint definition, index key and predicate of `model`
/// that differs from the server's own text: "what key: ours ≠ server's".
func definitionMismatches(_ model: DatabaseModel, _ connection: Connection) throws
    -> (mismatches: [String], compared: (indexes: Int, constraints: Int)) {
    var mismatches: [String] = []
    func check<T: Equatable>(_ ours: T, _ theirs: T, _ what: String) {
        if ours != theirs { mismatches.append("\(what): \(String(describing: ours)) ≠ the server's \(String(describing: theirs))") }
    }
    // As the inspection reads them: with an empty search_path, so names come qualified.
    try connection.execute("BEGIN; SET LOCAL search_path = ''")
    defer { _ = try? connection.execute("COMMIT") }
    let userRelation = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
    let indexRows = try connection.query("""
        SELECT n.nspname || '.' || c.relname || '.' || i.relname AS key, pg_catalog.pg_get_indexdef(i.oid) AS definition,
               pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate,
               (SELECT pg_catalog.array_agg(pg_catalog.pg_get_indexdef(i.oid, k.ord::integer, false) ORDER BY k.ord)
                  FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                  WHERE k.ord <= x.indnkeyatts) AS keys
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(userRelation)
        """).rows
    let constraintRows = try connection.query("""
        SELECT n.nspname || '.' || c.relname || '.' || con.conname AS key, pg_catalog.pg_get_constraintdef(con.oid) AS definition
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(userRelation)
        """).rows
    var server: [String: String] = [:]
    var keys: [String: [String]] = [:], predicates: [String: String] = [:]
    for row in indexRows + constraintRows { server[try row.string("key")] = try row.string("definition") }
    for row in indexRows {
        keys[try row.string("key")] = try row.stringArray("keys")
        predicates[try row.string("key")] = try row.optionalString("predicate")
    }
    var compared = (indexes: 0, constraints: 0)
    let relations = model.tables.map { ($0.name, $0.indexes) } + model.views.map { ($0.name, $0.indexes) }
    for (relation, indexes) in relations {
        for index in indexes {
            let key = "\(relation.schema).\(relation.name).\(index.name)"
            check(index.definition, server[key], "index \(key)")
            check(index.keys, keys[key], "keys of index \(key)")
            check(index.predicate, predicates[key], "predicate of index \(key)")
            compared.indexes += 1
        }
    }
    for table in model.tables {
        for constraint in table.constraints {
            let key = "\(table.name.schema).\(table.name.name).\(constraint.name)"
            check(constraint.definition, server[key], "constraint \(key)")
            compared.constraints += 1
        }
    }
    return (mismatches, compared)
}
