import SchemaModel
import XCTest

/// The tables a publication's definition names, read from its text: the proof's scope and
/// the planner tie a publication to them, which the model's edges do not.
final class PublishedTablesTests: XCTestCase {
    private func tables(_ definition: String) -> [String] {
        DefinedObject(kind: .publication, schema: nil, name: "p", definition: definition).publishedTables
            .map { "\($0.table.schema).\($0.table.name)" + ($0.filtered ? " filtered" : "") }
    }

    private func entries(_ definition: String) -> [String] {
        DefinedObject(kind: .publication, schema: nil, name: "p", definition: definition).publishedTables.map(\.entry)
    }

    func testEachTableIsReadWithWhetherItHasAColumnListOrARowFilter() {
        XCTAssertEqual(tables("""
            CREATE PUBLICATION p FOR TABLE public.t (id, a), ONLY public.u WHERE ((flag > 0)), "Odd schema"."T, with comma", \
            crm.v WITH (publish = 'insert, update, delete, truncate');
            """), ["public.t filtered", "public.u filtered", "Odd schema.T, with comma", "crm.v"])
    }

    func testEachEntryKeepsItsColumnListAndRowFilterAsWritten() {
        let definition = """
            CREATE PUBLICATION p FOR TABLE public.t (id, a) WHERE ((a > 0) AND (b <> ',')), "Odd schema"."T, with comma", \
            TABLES IN SCHEMA crm WITH (publish = 'insert');
            """
        XCTAssertEqual(entries(definition), ["public.t (id, a) WHERE ((a > 0) AND (b <> ','))", "\"Odd schema\".\"T, with comma\""])
        let first = DefinedObject(kind: .publication, schema: nil, name: "p", definition: definition).publishedTables[0]
        XCTAssertEqual(first.filter, "(id, a) WHERE ((a > 0) AND (b <> ','))")
        XCTAssertEqual(entries("ALTER PUBLICATION p ADD TABLE ONLY public.t WHERE ((x > 1))"), ["ONLY public.t WHERE ((x > 1))"])
    }

    /// A proof's scope loads a publication naming only the tables it holds, on both sides alike.
    func testAPublicationKeepsTheTablesAsked() {
        let publication = DefinedObject(kind: .publication, schema: nil, name: "p", definition: """
            CREATE PUBLICATION p FOR TABLE public.a (id), public.b, public.c WHERE ((x > 0)), TABLES IN SCHEMA crm WITH (publish = 'insert');
            """)
        let keep = { (names: Set<String>) in publication.keepingPublishedTables { names.contains($0.name) }.definition }
        XCTAssertEqual(keep(["a", "c"]), """
            CREATE PUBLICATION p FOR TABLE public.a (id), public.c WHERE ((x > 0)), TABLES IN SCHEMA crm WITH (publish = 'insert');
            """)
        XCTAssertEqual(keep([]), "CREATE PUBLICATION p FOR TABLES IN SCHEMA crm WITH (publish = 'insert');")
        XCTAssertEqual(keep(["a", "b", "c"]), publication.definition)
        let tablesOnly = DefinedObject(kind: .publication, schema: nil, name: "p", definition: "CREATE PUBLICATION p FOR TABLE public.a, public.b WITH (publish = 'insert');")
        XCTAssertEqual(tablesOnly.keepingPublishedTables { $0.name == "b" }.definition, "CREATE PUBLICATION p FOR TABLE public.b WITH (publish = 'insert');")
        XCTAssertEqual(tablesOnly.keepingPublishedTables { _ in false }.definition, "CREATE PUBLICATION p WITH (publish = 'insert');")
        // As the reader writes them: each table ONLY.
        let read = DefinedObject(kind: .publication, schema: nil, name: "p", definition: """
            CREATE PUBLICATION p FOR TABLE ONLY public.a (id) WHERE ((id > 0)), ONLY "Odd"."B" WITH (publish = 'insert');
            """)
        XCTAssertEqual(read.keepingPublishedTables { $0.name == "B" }.definition, #"CREATE PUBLICATION p FOR TABLE ONLY "Odd"."B" WITH (publish = 'insert');"#)
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
