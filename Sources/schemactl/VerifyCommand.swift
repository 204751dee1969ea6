import ArgumentParser
import Foundation
import Migrations
import Release

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every rollback restores the schema before its migration, and that consolidated_schema.sql builds what it says.",
        discussion: """
            In one scratch database, for each migration in order (archive, applied, pending): apply it, apply its rollback, \
            compare the schema with the one before, apply it again. Then consolidated_schema.sql, applied twice to an empty \
            database, must give the replay of archive/ and applied/. Exit 1 on any finding, each naming its file. \
            With FILES or --changed, only those migrations are checked, starting from the replay of everything before \
            them (kept on the persistent embedded server between runs).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Migration or rollback files of DIR to check (default: every migration).", valueName: "FILES"))
    var files: [String] = []

    @Flag(help: "Check only the migrations that changed against --base (committed or not), and the consolidated file if it or a migration it holds changed.")
    var changed = false

    @Option(help: ArgumentHelp("The branch --changed compares with.", valueName: "REF"))
    var base = "main"

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let directory = try MigrationDirectory.load(migrationsOption.migrations)
        var versions: Set<String>? = nil
        var consolidated: Bool? = nil
        if changed || !files.isEmpty {
            let named = try ChangedMigrations.named(files, in: directory, strict: true)
            let diff = try changed ? ChangedMigrations.against(base, directory: directory) : named
            versions = named.versions.union(diff.versions)
            consolidated = named.touchesConsolidated || diff.touchesConsolidated
        }
        let (findings, checked) = try Verification(replay: try sourceOptions.replay).run(directory, versions: versions, consolidated: consolidated)
        ProgressLine.shared.clear()
        switch format {
        case .text:
            var lines = findings.map { finding in
                "\(finding.file): \(finding.message)" + (finding.details.map { "\n" + $0.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") } ?? "")
            }
            let what = "\(checked) migration\(checked == 1 ? "" : "s") and \(checked == 1 ? "its rollback" : "their rollbacks") checked"
                + (consolidated == false ? "" : ", and consolidated_schema.sql")
            lines.append(what + ": "
                         + (findings.isEmpty ? "no finding" : "\(findings.count) finding\(findings.count == 1 ? "" : "s")"))
            Terminal.print(lines.joined(separator: "\n"))
        case .json:
            let objects = findings.map { finding -> [String: Any] in
                var object: [String: Any] = ["file": finding.file, "message": finding.message]
                if let details = finding.details { object["details"] = details }
                return object
            }
            let data = try JSONSerialization.data(withJSONObject: ["checked": checked, "findings": objects], options: [.prettyPrinted, .sortedKeys])
            Terminal.print(String(decoding: data, as: UTF8.self))
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}
