import ArgumentParser
import Foundation
import Release

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every rollback restores the schema before its migration, and that consolidated_schema.sql builds what it says.",
        discussion: """
            In one scratch database, for each migration in order (archive, applied, pending): apply it, apply its rollback, \
            compare the schema with the one before, apply it again. Then consolidated_schema.sql, applied twice to an empty \
            database, must give the replay of archive/ and applied/. Exit 1 on any finding, each naming its file.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let (findings, checked) = try Verification(replay: try sourceOptions.replay).run(directory: migrationsOption.migrations)
        ProgressLine.shared.clear()
        switch format {
        case .text:
            var lines = findings.map { finding in
                "\(finding.file): \(finding.message)" + (finding.details.map { "\n" + $0.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") } ?? "")
            }
            lines.append("\(checked) migrations and their rollbacks checked, and consolidated_schema.sql: "
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
