import ArgumentParser
import Drift
import Foundation
import Lint

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Catch risky migrations before review: the guide's rules and production's.",
        discussion: """
            Replays the history in a scratch database and runs every rule on each migration named (all of DIR when none \
            is), with the schema the migrations before it built: "an existing table" is one an earlier migration created. \
            Silence a rule for one statement with `-- schemactl:ignore RULE` on the line above it (for the whole file: \
            `-- schemactl:ignore-file RULE`), or for a migration that is already applied with `[lint.ignore]` in \
            schemactl.toml. `--explain RULE` says what a rule finds and why; `--explain all` lists them. Exit 1 when a rule fires.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    @Argument(help: ArgumentHelp("Migration or rollback files, or folders, of DIR (default: every migration).", valueName: "PATHS"))
    var paths: [String] = []

    @Option(help: "text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Say what RULE finds and why, and stop (all: every rule).", valueName: "RULE"))
    var explain: String?

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        if let explain {
            Terminal.print(try Self.explanation(explain))
            return
        }
        var ignored: [String: Set<String>] = [:]
        if FileManager.default.fileExists(atPath: SourceOptions.settingsFile) {
            ignored = try EnvironmentsFile.load(SourceOptions.settingsFile).lintIgnores
            for (version, rules) in ignored.sorted(by: { $0.key < $1.key }) {
                if let unknown = rules.sorted().first(where: { Linter.rule($0) == nil }) {
                    throw ValidationError("\(SourceOptions.settingsFile): [lint.ignore] \(version) names \(unknown), which is no lint rule "
                                          + "(schemactl lint --explain all lists them)")
                }
            }
        }
        let result = try LintRun(replay: try sourceOptions.replay, ignored: ignored).run(directory: migrationsOption.migrations, paths: paths)
        ProgressLine.shared.clear()
        let report = LintReport.render(result.findings, linted: result.linted, as: LintReport.Format(rawValue: format.rawValue)!)
        if !report.isEmpty { Terminal.print(report) }
        if let failure = result.failure { throw failure }
        if !result.findings.isEmpty { throw ExitCode(1) }
    }

    static func explanation(_ id: String) throws -> String {
        if id == "all" {
            return Linter.rules.map { "\($0.id) (\($0.severity.rawValue)): \($0.summary)" }.joined(separator: "\n")
        }
        guard let rule = Linter.rule(id) else {
            throw ValidationError("no lint rule \(id); the rules: \(Linter.rules.map(\.id).joined(separator: ", "))")
        }
        return "\(rule.id) (\(rule.severity.rawValue)): \(rule.summary)\n\n\(rule.explanation)"
    }
}
