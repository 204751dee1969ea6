@testable import SQLGeneration
import SchemaModel
import XCTest

/// An index's or a key's storage parameters, found in the definition as the server prints it.
final class IndexStorageTests: XCTestCase {
    func testTheParametersAreFoundOutsideQuotesAndParentheses() {
        let index = "CREATE INDEX i ON public.t USING btree (lower(a)) INCLUDE (b) WITH (fillfactor='70', deduplicate_items=off) WHERE (a <> ' WITH (x)'::text)"
        let split = IndexStorage.split(index)
        XCTAssertEqual(split.parameters, ["fillfactor='70'", "deduplicate_items=off"])
        XCTAssertEqual(split.rest, "CREATE INDEX i ON public.t USING btree (lower(a)) INCLUDE (b) WHERE (a <> ' WITH (x)'::text)")
        XCTAssertEqual(IndexStorage.split("CREATE INDEX i ON public.t USING btree (a) WHERE (b = ' WITH (')").parameters, [])
    }

    func testOnlyParametersChangedIsAlteredInPlace() {
        let old = "UNIQUE (code) WITH (fillfactor='40') DEFERRABLE", new = "UNIQUE (code) WITH (fillfactor='50', deduplicate_items=off) DEFERRABLE"
        XCTAssertTrue(IndexStorage.onlyParametersDiffer(old, new))
        XCTAssertFalse(IndexStorage.onlyParametersDiffer(old, "UNIQUE (code, id) WITH (fillfactor='40') DEFERRABLE"))
        let name = QualifiedName(schema: "public", name: "t_code_key")
        XCTAssertEqual(IndexStorage.alter(index: name, from: new, to: "UNIQUE (code) DEFERRABLE").map(\.sql),
                       [#"ALTER INDEX "public"."t_code_key" RESET (fillfactor, deduplicate_items);"#])
        XCTAssertEqual(IndexStorage.alter(index: name, from: old, to: new).map(\.sql),
                       [#"ALTER INDEX "public"."t_code_key" SET (fillfactor='50', deduplicate_items=off);"#])
    }
}
