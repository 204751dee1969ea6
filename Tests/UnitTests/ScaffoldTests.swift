import Foundation
import Migrations
import XCTest

final class ScaffoldTests: XCTestCase {
    func testDescriptionsBecomeSnakeCase() {
        XCTAssertEqual(MigrationScaffold.snakeCase("Add email templates"), "add_email_templates")
        XCTAssertEqual(MigrationScaffold.snakeCase("  Add RingCentral tokens (v2)! "), "add_ringcentral_tokens_v2")
        XCTAssertEqual(MigrationScaffold.snakeCase("Créer l'index été"), "creer_l_index_ete")
    }

    func testARollbackLookingDescriptionIsRefused() {
        XCTAssertThrowsError(try MigrationScaffold.name(for: "Rollback deals", date: "20240101"))
        XCTAssertThrowsError(try MigrationScaffold.name(for: "!!!", date: "20240101"))
    }

    func testThePairIsWrittenInPendingAndNeverOverwritten() throws {
        let root = try temporaryMigrationsDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let directory = try MigrationDirectory.load(root)
        let name = try MigrationScaffold.name(for: "Add email templates", date: "20240102")
        let written = try MigrationScaffold.write(name: name, migration: "BEGIN;\nSELECT 1;\nCOMMIT;\n",
                                                  rollback: "BEGIN;\nSELECT 2;\nCOMMIT;\n", in: directory)
        XCTAssertEqual(written.migration, root + "/pending/20240102_add_email_templates.sql")
        XCTAssertEqual(written.rollback, root + "/pending/20240102_rollback_add_email_templates.sql")
        XCTAssertEqual(try String(contentsOfFile: written.migration, encoding: .utf8), "BEGIN;\nSELECT 1;\nCOMMIT;\n")
        XCTAssertTrue(try MigrationDirectory.load(root).problems.isEmpty)

        XCTAssertThrowsError(try MigrationScaffold.write(name: name, migration: "changed", rollback: "changed", in: directory))
        XCTAssertEqual(try String(contentsOfFile: written.migration, encoding: .utf8), "BEGIN;\nSELECT 1;\nCOMMIT;\n")
    }

    func testAVersionTakenInAnotherFolderIsRefused() throws {
        let root = try temporaryMigrationsDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try "x".write(toFile: root + "/archive/20240102_add_email_templates.sql", atomically: true, encoding: .utf8)
        let directory = try MigrationDirectory.load(root)
        let name = try MigrationScaffold.name(for: "Add email templates", date: "20240102")
        XCTAssertThrowsError(try MigrationScaffold.write(name: name, migration: "m", rollback: "r", in: directory)) { error in
            XCTAssertTrue("\(error)".contains("archive/20240102_add_email_templates.sql already exists"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/pending/20240102_add_email_templates.sql"))
    }
}

func temporaryMigrationsDirectory() throws -> String {
    let root = NSTemporaryDirectory() + "schemactl-test-" + UUID().uuidString + "/migrations"
    for folder in MigrationFolder.allCases {
        try FileManager.default.createDirectory(atPath: root + "/" + folder.rawValue, withIntermediateDirectories: true)
    }
    return root
}
