@testable import SQLGeneration
import XCTest

/// `Planner.callsAny`: which definitions call a function the plan replaces, read from the
/// server's own printing of an index, a check or a generated column, in one pass.
final class FunctionCallTests: XCTestCase {
    func testACallIsANameBeforeAParenthesisPlainQualifiedOrQuoted() {
        let names: Set = ["norm", "Mixed Case", "we\"ird"]
        XCTAssertTrue(Planner.callsAny("CREATE INDEX i ON public.t USING btree (norm(name))", names))
        XCTAssertTrue(Planner.callsAny("CHECK ((public.norm(name) <> 'x'::text))", names))
        XCTAssertTrue(Planner.callsAny(#"(public."Mixed Case"(a, b) > 0)"#, names))
        XCTAssertTrue(Planner.callsAny(#"("we""ird"(a))"#, names))
        XCTAssertTrue(Planner.callsAny("norm (a)", names))
    }

    func testANameThatOnlyEndsOrHoldsTheFunctionsIsNoCall() {
        let names: Set = ["norm"]
        XCTAssertFalse(Planner.callsAny("CREATE INDEX i ON public.t USING btree (denorm(name))", names))
        XCTAssertFalse(Planner.callsAny("CREATE INDEX i ON public.t USING btree (norm_2(name), norm)", names))
        XCTAssertFalse(Planner.callsAny(#"("Norm"(a))"#, names))
        XCTAssertFalse(Planner.callsAny("(a)", names))
        XCTAssertFalse(Planner.callsAny("", names))
    }
}
