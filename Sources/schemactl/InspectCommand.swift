import ArgumentParser
import Foundation
import Introspection
import Migrations
import PostgresClient
import Replay
import SQLGeneration
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
        abstract: "Read a source's schema into the model and print it as JSON, a text outline, or the SQL that builds it."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, sql
    }

    @Argument(help: "A connection string (postgres://… or key=value), a migrations directory (DIR or DIR@VERSION), a .sql file, or a snapshot .json.")
    var source: String

    @Option(help: "json (the model, sorted and stable), text (an outline), or sql (a script that builds it, as consolidated_schema.sql).")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var schemaFilter: SchemaFilterOptions
    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let loaded = try sourceOptions.loader(filter: schemaFilter.filter).load(SourceSpecifier.parse(source))
        Terminal.warnUnmodelled(loaded.model)
        let data: Data
        switch format {
        case .json: data = ModelJSON.encode(loaded.model)
        case .text: data = Data(ModelOutline.text(loaded.model).utf8)
        case .sql:
            // A directory's file records the migrations replayed, as consolidate's does; a connection string is named without its password.
            var migrations: [Migration] = []
            if case let .migrations(path, upTo) = try SourceSpecifier.parse(source) {
                migrations = try MigrationSelection(includePending: sourceOptions.includePending, upTo: upTo)
                    .select(from: try MigrationDirectory.load(path))
            }
            let named = ConnectionString.looksLikeConnectionString(source) ? ConnectionString(source).redacted : source
            let script = SchemaScript(model: loaded.model,
                                      header: SchemaScript.Header(command: "schemactl inspect \(named) --format sql",
                                                                  versions: migrations.map(\.version),
                                                                  serverMajor: loaded.serverVersion / 10000),
                                      descriptions: Dictionary(migrations.map { ($0.version, $0.description) }, uniquingKeysWith: { first, _ in first }),
                                      coversPublic: schemaFilter.filter.includes("public"))
            data = Data(script.render().utf8)
        }
        try Terminal.write(data, to: output)
    }
}
