import ArgumentParser
import Diff
import Foundation
import Release

struct ConsolidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "Regenerate consolidated_schema.sql from the replay of archive/ and applied/.",
        discussion: """
            The file builds the schema in an empty database, can run again without an error, and records every \
            migration it contains in schema_versions. It is proved before it is written: applied twice to an empty \
            database it must give the replay's schema. Written whole or not at all. With --check, nothing is written: \
            exit 0 when the file is current, 1 (with the difference) when it is stale.
            """
    )

    @OptionGroup var migrationsOption: MigrationsOption

    @Option(name: .long, help: ArgumentHelp("Write here (default: DIR/consolidated_schema.sql).", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and show the difference when the file is stale.")
    var check = false

    @Flag(name: .long, help: "Skip the proof on a scratch database (said in the output).")
    var noVerify = false

    @Flag(name: .long, help: "Write the file though the schema has objects schemactl does not model (they are missing from it).")
    var allowUnmodelled = false

    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        if sourceOptions.includePending {
            throw ValidationError("consolidate replays archive/ and applied/: pending migrations are not part of the consolidated schema.")
        }
    }

    func run() throws {
        let directory = migrationsOption.migrations
        let path = output ?? (directory as NSString).appendingPathComponent("consolidated_schema.sql")
        var consolidation = Consolidation(replay: try sourceOptions.replay)
        consolidation.allowUnmodelled = allowUnmodelled
        consolidation.verify = !noVerify
        let result = try consolidation.run(directory: directory)
        ProgressLine.shared.clear()
        Terminal.warnUnmodelled(result.model)
        if noVerify { Terminal.error("warning: --no-verify: the file was not proved on a scratch database") }
        if let seconds = result.proofSeconds, seconds >= 1 {
            Terminal.error("proved on a scratch database in \(String(format: "%.1f", seconds)) s")
        }
        if result.proofRemembered {
            Terminal.error("proved before: the same file, against the replay of the same files on the same server (--no-cache proves it again)")
        }
        if check {
            let current = (try? String(contentsOfFile: path, encoding: .utf8))
            guard current != result.text else { return }
            if let current {
                Terminal.error("\(path) is stale: run `schemactl consolidate` and commit the result")
                Terminal.print(LineDiff.unified(current, result.text).joined(separator: "\n"))
            } else {
                Terminal.error("\(path) does not exist: run `schemactl consolidate`")
            }
            throw ExitCode(1)
        }
        try Terminal.write(Data(result.text.utf8), to: path)
        let range = result.versions.first.map { first in " (\(result.versions.count) migrations, \(first) to \(result.versions.last!))" } ?? ""
        Terminal.error("wrote \(path)\(range)")
    }
}
