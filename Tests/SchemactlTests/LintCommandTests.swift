import EmbeddedServer
import Foundation
import TestSupport
import XCTest

/// `lint` as a user runs it: the CRM history is clean with the repository's
/// settings (every finding left in it is explained in migrations/README.md), a
/// new risky migration is named in each output format, and exit codes say so.
final class LintCommandTests: XCTestCase {
    private func scratch() throws -> [String: String] {
        ["SCHEMACTL_SCRATCH_URL": try EmbeddedPostgres.shared().connectionString().raw]
    }

    func testTheCRMHistoryIsCleanWithItsSettingsAndEachIgnoredFindingIsExplained() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let clean = try CommandRun.schemactl(["lint", "--migrations", "migrations"], in: projectRoot, environment: try scratch())
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("21 migrations linted: no finding"), clean.stdout)

        // Without the settings file the findings are there, and each one's rule and place is in migrations/README.md.
        let project = try temporaryFolder("lint-crm")
        try FileManager.default.copyItem(atPath: projectRoot + "/migrations", toPath: project + "/migrations")
        let raw = try CommandRun.schemactl(["lint", "--migrations", "migrations", "--format", "json"], in: project, environment: try scratch())
        XCTAssertEqual(raw.status, 1, raw.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(raw.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        let explained = try String(contentsOfFile: projectRoot + "/migrations/README.md", encoding: .utf8)
        let settings = try String(contentsOfFile: projectRoot + "/schemactl.toml", encoding: .utf8)
        XCTAssertTrue(explained.contains("It finds \(findings.count) things in this history"), "README's count: \(findings.count)")
        for finding in findings {
            let rule = try XCTUnwrap(finding["rule"] as? String)
            let file = try XCTUnwrap(finding["file"] as? String)
            let version = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.replacingOccurrences(of: "_rollback_", with: "_")
            XCTAssertTrue(explained.contains("`\(rule)`"), "\(rule) is explained")
            XCTAssertTrue(settings.split(separator: "\n").contains { $0.hasPrefix(version + " ") && $0.contains("\"\(rule)\"") },
                          "\(version) ignores \(rule) in schemactl.toml")
        }
    }

    func testANewRiskyMigrationIsNamedInEveryFormat() throws {
        try requireServer(toReplay: projectRoot + "/migrations")
        let project = try temporaryFolder("lint-new")
        try FileManager.default.copyItem(atPath: projectRoot + "/migrations", toPath: project + "/migrations")
        try FileManager.default.copyItem(atPath: projectRoot + "/schemactl.toml", toPath: project + "/schemactl.toml")
        let migration = "migrations/pending/20240401_add_deal_priority.sql"
        try """
            BEGIN;
            INSERT INTO schema_versions (version, description) VALUES ('20240401_add_deal_priority', 'Deal priority');
            ALTER TABLE deals ADD COLUMN priority integer NOT NULL;
            COMMIT;
            """.write(toFile: project + "/" + migration, atomically: true, encoding: .utf8)
        try """
            BEGIN;
            UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20240401_add_deal_priority';
            ALTER TABLE deals DROP COLUMN priority;
            COMMIT;
            """.write(toFile: project + "/migrations/pending/20240401_rollback_add_deal_priority.sql", atomically: true, encoding: .utf8)

        let text = try CommandRun.schemactl(["lint", migration], in: project, environment: try scratch())
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("\(migration):3:19: warning [not-null-without-default]: adds priority NOT NULL without a DEFAULT to public.deals"),
                      text.stdout)
        XCTAssertTrue(text.stdout.contains("20240401_rollback_add_deal_priority.sql:3:19: warning [drop-without-if-exists]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 migration linted: 2 findings"), text.stdout)

        let github = try CommandRun.schemactl(["lint", migration, "--format", "github"], in: project, environment: try scratch())
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.contains("::warning file=\(migration),line=3,col=19,title=not-null-without-default::adds priority NOT NULL"),
                      github.stdout)

        let sarif = try CommandRun.schemactl(["lint", migration, "--format", "sarif"], in: project, environment: try scratch())
        XCTAssertEqual(sarif.status, 1)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String, "ruleIndex points at the rule")
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["region"] as? [String: Any])?["startLine"] as? Int, 3)
            XCTAssertTrue(((location["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasPrefix("migrations/pending/") == true)
        }

        // The same output twice, byte for byte.
        let again = try CommandRun.schemactl(["lint", migration, "--format", "sarif"], in: project, environment: try scratch())
        XCTAssertEqual(again.stdout, sarif.stdout)
    }

    func testBadInputIsRefusedWithExitCode2() throws {
        let unknownRule = try CommandRun.schemactl(["lint", "--explain", "no-such-rule"], in: projectRoot)
        XCTAssertEqual(unknownRule.status, 2)
        XCTAssertTrue(unknownRule.stderr.contains("no lint rule no-such-rule"), unknownRule.stderr)

        let strayPath = try CommandRun.schemactl(["lint", "Package.swift", "--migrations", "migrations"], in: projectRoot)
        XCTAssertEqual(strayPath.status, 2)
        XCTAssertTrue(strayPath.stderr.contains("Package.swift: not a migration, rollback or folder of migrations"), strayPath.stderr)

        let project = try temporaryFolder("lint-settings")
        try FileManager.default.copyItem(atPath: projectRoot + "/migrations", toPath: project + "/migrations")
        try "[lint.ignore]\n20230118_create_companies = [\"jsonb-without-coment\"]\n"
            .write(toFile: project + "/schemactl.toml", atomically: true, encoding: .utf8)
        let typo = try CommandRun.schemactl(["lint"], in: project)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("[lint.ignore] 20230118_create_companies names jsonb-without-coment, which is no lint rule"), typo.stderr)

        // A psql meta-command is named with its file, line and column.
        let meta = try temporaryFolder("lint-meta")
        for folder in ["archive", "applied", "pending"] {
            try FileManager.default.createDirectory(atPath: meta + "/migrations/" + folder, withIntermediateDirectories: true)
        }
        try "SELECT 1 AS one\n\\gset\n".write(toFile: meta + "/migrations/pending/20260101_uses_gset.sql", atomically: true, encoding: .utf8)
        let gset = try CommandRun.schemactl(["lint"], in: meta)
        XCTAssertEqual(gset.status, 2)
        XCTAssertTrue(gset.stderr.contains("migrations/pending/20260101_uses_gset.sql:2:1: psql meta-commands are not supported (\\gset)"),
                      gset.stderr)
    }
}
