import ArgumentParser
import Foundation

@main
struct Schemactl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemactl",
        abstract: "Keeps a PostgreSQL migrations directory honest.",
        discussion: "Exit codes: 0 nothing found, 1 differences / drift / findings, 2 an error.",
        version: "0.1.0",
        subcommands: [StatusCommand.self, NewCommand.self, InspectCommand.self, SnapshotCommand.self, DiffCommand.self, DriftCommand.self, ScratchServerCommand.self]
    )

    /// Parses, runs, and turns every failure into one paragraph on stderr with
    /// exit code 2, as DESIGN.md prescribes (ArgumentParser's own default is 64).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(2)
        }
        do {
            var mutable = command
            try mutable.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            Terminal.error(ErrorReport.paragraph(for: error))
            Foundation.exit(2)
        }
        Foundation.exit(0)
    }
}
