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

    /// A snapshot taken before read revision 15 names a publication's tables bare: read back, it
    /// names them ONLY, as a model read now does (the same tables), and compares equal to one.
    func testASnapshotTakenBeforeNamesItsPublicationsTablesOnly() throws {
        let bare = "CREATE PUBLICATION p FOR TABLE public.a (id), ONLY public.b, TABLES IN SCHEMA crm WITH (publish = 'insert');"
        var model = DatabaseModel()
        model.definedObjects = [DefinedObject(kind: .publication, schema: nil, name: "p", definition: bare)]
        let snapshot = Snapshot(header: .init(serverVersion: 150018, seconds: 0, source: "test", takenAt: "2026-12-01T00:00:00Z"), model: model)
        let read = try Snapshot.decode(try snapshot.encoded(), file: "old.json")
        XCTAssertEqual(read.model.definedObjects.map(\.definition),
                       ["CREATE PUBLICATION p FOR TABLE ONLY public.a (id), ONLY public.b, TABLES IN SCHEMA crm WITH (publish = 'insert');"])
        XCTAssertEqual(read.model.definedObjects[0].publishedTablesOnly, read.model.definedObjects[0])
    }
}
