import ArgumentParser
import Foundation
import Migrations

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write pending/YYYYMMDD_description.sql and its rollback from the guide's templates.",
        discussion: "The description becomes snake_case (\"Add email templates\" → add_email_templates). Nothing is ever overwritten."
    )

    @Argument(help: "What the migration does, in words.")
    var description: String

    @Option(name: .long, help: ArgumentHelp("The date of the migration, YYYYMMDD (default: today).", valueName: "YYYYMMDD"))
    var date: String?

    @OptionGroup var migrationsOption: MigrationsOption

    func validate() throws {
        if let date, !MigrationFileName.isRealDate(date) {
            throw ValidationError("--date \(date) is not a real date in the form YYYYMMDD")
        }
    }

    func run() throws {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory.load(migrationsOption.migrations)
        } catch let error as NotAMigrationsDirectory where error.suggestion == nil {
            // The first migration of a new history: pending/ is where it goes.
            try OutputError.createDirectory(migrationsOption.migrations + "/pending")
            directory = try MigrationDirectory.load(migrationsOption.migrations)
        }
        let name = try MigrationScaffold.name(for: description, date: date ?? Self.today())
        let template = MigrationTemplate(version: name.version, title: description)
        let written = try MigrationScaffold.write(name: name, migration: template.migration,
                                                  rollback: template.rollback, in: directory)
        Terminal.print("created \(written.migration)\ncreated \(written.rollback)")
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd"
        return formatter.string(from: Date())
    }
}
