import Drift
import XCTest

final class EnvironmentsFileTests: XCTestCase {
    func testTheEnvironmentsFileNamesTheLineOfAMistake() {
        XCTAssertThrowsError(try EnvironmentsFile.parse("[environments.prod]\nurl = postgres://x\n", path: "schemactl.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("schemactl.toml:2:7: not valid TOML: "), "\(error)")
        }
        XCTAssertThrowsError(try EnvironmentsFile.parse("[environments.prod]\nurl = 5432\n", path: "schemactl.toml")) { error in
            XCTAssertEqual("\(error)", "schemactl.toml:2:1: the value of url must be a \"quoted string\"")
        }
        XCTAssertThrowsError(try EnvironmentsFile.parse("[database]\n", path: "schemactl.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("schemactl.toml:1:2: expected [environments.NAME]"), "\(error)")
        }
        XCTAssertThrowsError(try EnvironmentsFile.parse("[environments.prod]\npassword = \"x\"\n", path: "f.toml")) { error in
            XCTAssertEqual("\(error)", "f.toml:2:1: unknown key password (expected url or url_env)")
        }
    }

    func testTheEnvironmentsFileIsTOMLAndKeepsTheOrderItsAuthorWrote() throws {
        let file = try EnvironmentsFile.parse("""
            # ours
            [environments.zeta]
            url = '''postgres://z@host/db'''   # a literal string

            [environments.alpha]
            url_env = "ALPHA_URL"
            """, path: "schemactl.toml")
        XCTAssertEqual(file.entries.map(\.name), ["zeta", "alpha"])
        XCTAssertEqual(file.entries.first?.url, "postgres://z@host/db")
        XCTAssertEqual(file.entries.last?.urlVariable, "ALPHA_URL")
    }
}
