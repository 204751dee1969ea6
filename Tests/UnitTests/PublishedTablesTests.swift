import SchemaModel
import XCTest

/// The tables a publication's definition names, read from its text: the proof's scope and
/// the planner tie a publication to them, which the model's edges do not.
final class PublishedTablesTests: XCTestCase {
    private func tables(_ definition: String) -> [String] {
        DefinedObject(kind: .publication, schema: nil, name: "p", definition: definition).publishedTables
            .map { "\($0.table.schema).\($0.table.name)" + ($0.filtered ? " filtered" : "") }
    }

    func testEachTableIsReadWithWhetherItHasAColumnListOrARowFilter() {
        XCTAssertEqual(tables("""
            CREATE PUBLICATION p FOR TABLE public.t (id, a), ONLY public.u WHERE ((flag > 0)), "Odd schema"."T, with comma", \
            crm.v WITH (publish = 'insert, update, delete, truncate');
            """), ["public.t filtered", "public.u filtered", "Odd schema.T, with comma", "crm.v"])
    }

    func testSchemasAndAllTablesNameNoTable() {
        XCTAssertEqual(tables("CREATE PUBLICATION p FOR TABLES IN SCHEMA crm, sales WITH (publish = 'insert');"), [])
        XCTAssertEqual(tables("CREATE PUBLICATION p FOR ALL TABLES WITH (publish = 'insert');"), [])
        XCTAssertEqual(tables("CREATE PUBLICATION p WITH (publish = 'insert');"), [])
        XCTAssertEqual(tables("CREATE PUBLICATION p FOR TABLE public.t, TABLES IN SCHEMA crm, sales WITH (publish = 'insert');"),
                       ["public.t"])
    }

    func testAnotherKindNamesNone() {
        XCTAssertEqual(DefinedObject(kind: .statistics, schema: "public", name: "s",
                                     definition: "CREATE STATISTICS public.s ON a, b FROM public.t;").publishedTables.count, 0)
    }
}
