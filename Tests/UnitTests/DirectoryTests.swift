import Migrations
import XCTest

final class DirectoryTests: XCTestCase {
    func testAValidDirectoryListsItsMigrationsInChronologicalOrder() throws {
        let directory = try load("valid")
        XCTAssertEqual(directory.problems, [])
        XCTAssertNoThrow(try directory.validate())
        XCTAssertEqual(directory.migrations.map(\.version),
                       ["20230101_add_a", "20230115_add_b", "20230201_add_b2", "20230201_add_c"])
        XCTAssertEqual(directory.migrations.map(\.folder), [.archive, .applied, .pending, .pending])
        XCTAssertTrue(directory.migrations.allSatisfy { $0.rollback != nil })
        XCTAssertEqual(directory.migrations.first?.rollback?.lastPathComponent, "20230101_rollback_add_a.sql")
    }

    func testBadNamesAreAllReported() throws {
        try assertProblems("bad_name", [
            ("pending/20230101_Add_X.sql", .badName(.badDescription("Add_X"))),
            ("pending/add_x.sql", .badName(.badPattern)),
        ])
    }

    func testAnImpossibleDateIsReportedForEachFile() throws {
        try assertProblems("impossible_date", [
            ("pending/20230231_add_x.sql", .badName(.impossibleDate("20230231"))),
            ("pending/20230231_rollback_add_x.sql", .badName(.impossibleDate("20230231"))),
        ])
    }

    func testOneVersionInTwoFoldersIsReported() throws {
        let root = fixtureURL("directories/version_in_two_folders").path
        try assertProblems("version_in_two_folders", [
            ("pending/20230101_add_x.sql", .versionInTwoFolders(other: root + "/applied/20230101_add_x.sql")),
            ("pending/20230101_rollback_add_x.sql", .versionInTwoFolders(other: root + "/applied/20230101_rollback_add_x.sql")),
        ])
    }

    func testAMigrationWithoutItsRollbackIsReported() throws {
        let root = fixtureURL("directories/missing_rollback").path
        try assertProblems("missing_rollback", [
            ("pending/20230101_add_x.sql", .missingRollback(expected: root + "/pending/20230101_rollback_add_x.sql")),
        ])
    }

    func testARollbackWithoutItsMigrationIsReported() throws {
        let root = fixtureURL("directories/rollback_without_migration").path
        try assertProblems("rollback_without_migration", [
            ("pending/20230101_rollback_add_x.sql", .rollbackWithoutMigration(expected: root + "/pending/20230101_add_x.sql")),
        ])
    }

    func testARollbackInAnotherFolderThanItsMigrationIsReported() throws {
        let root = fixtureURL("directories/rollback_in_other_folder").path
        try assertProblems("rollback_in_other_folder", [
            ("pending/20230101_rollback_add_x.sql", .rollbackInOtherFolder(migration: root + "/applied/20230101_add_x.sql")),
        ])
    }

    func testAFileThatIsNotUTF8IsReported() throws {
        try assertProblems("not_utf8", [("pending/20230101_add_x.sql", .notUTF8)])
    }

    func testAnEmptyFileIsReported() throws {
        try assertProblems("empty_file", [("pending/20230101_add_x.sql", .empty)])
    }

    func testStrayFilesAreReported() throws {
        try assertProblems("stray_file", [("deploy.sh", .strayFile), ("pending/notes.txt", .strayFile)])
    }

    func testTheErrorNamesEveryFile() throws {
        let directory = try load("bad_name")
        XCTAssertThrowsError(try directory.validate()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("2 problems"), text)
            XCTAssertTrue(text.contains("pending/add_x.sql: bad migration name"), text)
            XCTAssertTrue(text.contains("pending/20230101_Add_X.sql: bad migration name"), text)
        }
    }

    func testAMissingDirectoryIsAnError() {
        XCTAssertThrowsError(try MigrationDirectory.load("/nonexistent/migrations")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/migrations"))
        }
    }

    func testFilesLargerThanTheReadersBufferAreReadWholeAndTheNextFileAfterThemToo() throws {
        // The directory reads every file through one buffer per reader: a file past its 64 KB
        // grows it, and a short file read after a long one must not keep the long one's tail.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schemactl-large-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/applied", withIntermediateDirectories: true)
        let long = "-- " + String(repeating: "é and a long comment ", count: 20_000) + "\nSELECT 1;\n"
        var expected: [String: String] = [:]
        for day in 1...3 {
            let version = "2023010\(day)_add_t\(day)"
            let text = day == 2 ? "SELECT \(day);\n" : long + "-- \(day)\n"
            expected[version] = text
            try text.write(toFile: root + "/applied/\(version).sql", atomically: true, encoding: .utf8)
            try "SELECT 0;\n".write(toFile: root + "/applied/2023010\(day)_rollback_add_t\(day).sql", atomically: true, encoding: .utf8)
        }
        let directory = try MigrationDirectory.load(root)
        XCTAssertEqual(directory.problems, [])
        XCTAssertGreaterThan(long.utf8.count, 128 * 1024)
        for migration in directory.migrations {
            XCTAssertEqual(try directory.file(of: migration).text, expected[migration.version], migration.version)
        }
    }

    func testTheCRMHistoryIsValid() throws {
        let directory = try MigrationDirectory.load(crmMigrationsPath)
        XCTAssertEqual(directory.problems, [])
        XCTAssertGreaterThanOrEqual(directory.migrations.count, 20)
        for folder in MigrationFolder.allCases {
            XCTAssertFalse(directory.migrations(in: folder).isEmpty, "no migration in \(folder)")
        }
    }

    private func load(_ name: String) throws -> MigrationDirectory {
        try MigrationDirectory.load(fixtureURL("directories/" + name).path)
    }

    private func assertProblems(_ name: String, _ expected: [(String, DirectoryProblem.Kind)],
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = try load(name)
        let root = fixtureURL("directories/" + name).path
        XCTAssertEqual(directory.problems, expected.map { DirectoryProblem(file: root + "/" + $0.0, kind: $0.1) },
                       file: file, line: line)
    }
}

/// The project's own migrations directory.
let crmMigrationsPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("migrations").path
