import ArgumentParser
import Foundation
import Introspection
import Replay
import SchemaModel

struct SchemaFilterOptions: ParsableArguments {
    @Option(name: .customLong("schema"), help: ArgumentHelp("Only this schema (repeatable).", valueName: "NAME"))
    var only: [String] = []

    @Option(name: .customLong("exclude-schema"), help: ArgumentHelp("Leave this schema out (repeatable).", valueName: "NAME"))
    var excluded: [String] = []

    var filter: SchemaFilter { SchemaFilter(only: only, excluded: excluded) }
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Read a source's schema into the model and print it as JSON or as a text outline."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, sql
    }

    @Argument(help: "A connection string (postgres://… or key=value), a migrations directory (DIR or DIR@VERSION), a .sql file, or a snapshot .json.")
    var source: String

    @Option(help: "json (the model, sorted and stable) or text (an outline).")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var schemaFilter: SchemaFilterOptions
    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        if format == .sql {
            throw ValidationError("--format sql is not available yet: it comes with the SQL generator. Use json or text.")
        }
    }

    func run() throws {
        let loaded = try sourceOptions.loader(filter: schemaFilter.filter).load(SourceSpecifier.parse(source))
        Terminal.warnUnmodelled(loaded.model)
        let data: Data
        switch format {
        case .json: data = ModelJSON.encode(loaded.model)
        case .text: data = Data(ModelOutline.text(loaded.model).utf8)
        case .sql: return
        }
        try Terminal.write(data, to: output)
    }
}
