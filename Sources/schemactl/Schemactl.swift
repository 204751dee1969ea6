import ArgumentParser
import EmbeddedServer
import Foundation
import Replay
import PostgresClient

@main
struct Schemactl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemactl",
        abstract: "Keeps a PostgreSQL migrations directory honest.",
        discussion: "Exit codes: 0 nothing found, 1 differences / drift / findings, 2 an error.",
        version: "0.1.0",
        subcommands: [StatusCommand.self, NewCommand.self, InspectCommand.self, SnapshotCommand.self, DiffCommand.self,
                      DriftCommand.self, ConsolidateCommand.self, GenerateCommand.self, ApplyCommand.self, RollbackCommand.self, ArchiveCommand.self, VerifyCommand.self, LintCommand.self,
                      ScratchServerCommand.self]
    )

    /// Parses, runs, and turns every failure into one paragraph on stderr with
    /// exit code 2, as DESIGN.md prescribes (ArgumentParser's own default is 64).
    ///
    /// Help, `--version` and completion scripts are ArgumentParser's "clean
    /// exits": some come from parsing, others (`help diff`, a bare `schemactl`)
    /// from running its built-in help command, so both paths hand them back.
    static func main() {
        // First of all, so that an interrupt at any moment stops what we started.
        ExitCleanup.installSignalHandlers { signalNumber in
            ProgressLine.shared.clear()
            let name = signalNumber == SIGINT ? "interrupted" : "terminated by signal \(signalNumber)"
            FileHandle.standardError.write(Data("schemactl: \(name); stopped what it had started\n".utf8))
            // 130 for Ctrl-C, 143 for SIGTERM, as shells report a signal; _exit: the clean-ups have run.
            _exit(128 + signalNumber)
        }
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(error, parsing: true)
        }
        do {
            var mutable = command
            try mutable.run()
        } catch let code as ExitCode {
            DatabaseModelCache.finishWriting()
            Foundation.exit(code.rawValue)
        } catch {
            DatabaseModelCache.finishWriting()
            fail(error, parsing: false)
        }
        // Models of live databases kept while the command went on (see `SourceOptions.loader`).
        DatabaseModelCache.finishWriting()
        Foundation.exit(0)
    }

    private static func fail(_ error: Error, parsing: Bool) -> Never {
        if exitCode(for: error) == .success { exit(withError: error) }
        // A query cut short by an interrupt fails too: the signal handler is
        // already cleaning up and will end the process with its own code.
        ExitCleanup.waitIfInterrupted()
        ProgressLine.shared.clear()
        if parsing {
            Terminal.error(fullMessage(for: error))
        } else {
            Terminal.error(ErrorReport.paragraph(for: error))
        }
        Foundation.exit(2)
    }
}
