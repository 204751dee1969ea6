import ArgumentParser
import Diff
import Drift
import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import Replay
import SchemaModel

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare each environment with what its own applied migrations say it should be.",
        discussion: """
            ENV is a connection string or a name from the environments file (schemactl.toml). With no ENV, every \
            environment of the file, else $DATABASE_URL. Exit 1 if any environment has drifted.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Environments: connection strings or names from the environments file.")
    var environments: [String] = []

    @Option(name: .customLong("environments"), help: ArgumentHelp("The environments file (default: schemactl.toml, if present).", valueName: "FILE"))
    var environmentsFile: String?

    @Flag(help: "Also compare the environments with each other.")
    var matrix = false

    @Option(help: "text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Report differences in column order too, and in whether a child declares an inherited column or (18) its NOT NULL itself.")
    var columnOrder = false

    @Flag(name: .long, help: "Report differences in owners too (off by default: the replay's owner is not production's).")
    var owners = false

    @OptionGroup var migrationsOption: MigrationsOption
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let targets = try resolveTargets()
        // Live databases are read at once; replays then run one after another, sharing the cache.
        let memory = sourceOptions.databaseMemory
        let observations = concurrently(targets.count) { index in
            try DriftCheck.observe(name: targets[index].0, connectionString: targets[index].1,
                                   parallelism: Inspector.parallelism(sharedBy: targets.count), memory: memory)
        }
        let flattener = ModelFlattener(columnOrder: columnOrder, owners: owners)
        let check = DriftCheck(directory: migrationsOption.migrations, replay: try sourceOptions.replay, flattener: flattener)
        // Every environment is reported: one that cannot be read or replayed is an error naming it, not the end of the report.
        var outcomes: [DriftRenderer.Outcome] = []
        var models: [(String, DatabaseModel)] = []
        for index in targets.indices {
            do {
                let observation = try observations[index].get()
                outcomes.append(.checked(try check.compare(observation)))
                models.append((observation.name, observation.model))
                Terminal.warnUnmodelled(observation.model, source: observation.name)
            } catch {
                ExitCleanup.waitIfInterrupted()
                outcomes.append(.failed(environment: targets[index].0, message: ErrorReport.paragraph(for: error)))
            }
        }
        let matrix = self.matrix ? DriftRenderer.Matrix(models, flattener: flattener) : nil
        switch format {
        case .json:
            FileHandle.standardOutput.write(try DriftRenderer.json(outcomes, matrix: matrix))
        case .text:
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let text = outcomes.map { outcome -> String in
                switch outcome {
                case let .checked(report): return DriftRenderer.text([report], colour: colour)
                case let .failed(environment, message): return DriftRenderer.failure(environment: environment, message: message)
                }
            }.joined()
            Terminal.print(text)
            if let matrix { Terminal.print("\nenvironments compared with each other:\n" + DriftRenderer.matrix(matrix)) }
        }
        let failed = outcomes.filter { if case .failed = $0 { return true } else { return false } }.count
        if failed > 0 {
            Terminal.error("\(failed) of \(outcomes.count) environment\(outcomes.count == 1 ? "" : "s") could not be checked")
            throw ExitCode(2)
        }
        let drifted = outcomes.contains { if case let .checked(report) = $0 { return report.hasDrifted } else { return false } }
        if drifted || matrix?.differs == true { throw ExitCode(1) }
    }

    /// (name for reports, connection string) of each environment asked for.
    private func resolveTargets() throws -> [(String, ConnectionString)] {
        // An explicit file must exist; the default one is read only if present.
        if let environmentsFile, !FileManager.default.fileExists(atPath: environmentsFile) {
            throw ValidationError("--environments \(environmentsFile): no such file")
        }
        let environmentsFile = self.environmentsFile ?? "schemactl.toml"
        let file = FileManager.default.fileExists(atPath: environmentsFile) ? try EnvironmentsFile.load(environmentsFile) : nil
        if environments.isEmpty {
            if let file, !file.entries.isEmpty {
                return try file.entries.map { ($0.name, try file.connectionString(of: $0.name)) }
            }
            if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
                return [("DATABASE_URL", ConnectionString(url))]
            }
            throw ValidationError("no environment given, no \(environmentsFile), and no $DATABASE_URL")
        }
        return try environments.map { name in
            if ConnectionString.looksLikeConnectionString(name) { return (ConnectionString(name).redacted, ConnectionString(name)) }
            guard let file else {
                throw ValidationError("\(name) is not a connection string, and there is no environments file \(environmentsFile)")
            }
            return (name, try file.connectionString(of: name))
        }
    }
}
