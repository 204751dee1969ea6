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
            XCTAssertEqual("\(error)", "f.toml:2:1: unknown key password (expected url, url_env or production)")
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

    func testReplayRolesAreAListOfNames() throws {
        let file = try EnvironmentsFile.parse("[replay]\nroles = [\"app_user\", \"Reporting Team\"]\n", path: "schemactl.toml")
        XCTAssertEqual(file.replayRoles, ["app_user", "Reporting Team"])
        XCTAssertEqual(file.entries, [])
        XCTAssertThrowsError(try EnvironmentsFile.parse("[replay]\nroles = \"app_user\"\n", path: "s.toml")) { error in
            XCTAssertEqual("\(error)", "s.toml:2:1: roles must be a list of role names: roles = [\"app_user\"]")
        }
        XCTAssertThrowsError(try EnvironmentsFile.parse("[replay]\nrole = [\"a\"]\n", path: "s.toml")) { error in
            XCTAssertEqual("\(error)", "s.toml:2:1: unknown key role in [replay] (expected roles)")
        }
    }

    func testLintIgnoresAreListsOfRulesPerVersion() throws {
        let file = try EnvironmentsFile.parse("[lint.ignore]\n20230110_create_users = [\"jsonb-without-comment\", \"missing-rollback\"]\n", path: "schemactl.toml")
        XCTAssertEqual(file.lintIgnores, ["20230110_create_users": ["jsonb-without-comment", "missing-rollback"]])
        XCTAssertThrowsError(try EnvironmentsFile.parse("[lint.ignore]\n20230110_create_users = \"jsonb-without-comment\"\n", path: "schemactl.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("schemactl.toml:2:1: 20230110_create_users must be a list of lint rule ids"), "\(error)")
        }
        XCTAssertThrowsError(try EnvironmentsFile.parse("[lint]\nrules = 1\n", path: "schemactl.toml")) { error in
            XCTAssertTrue("\(error)".contains("[lint] holds only ignore"), "\(error)")
        }
    }
}
