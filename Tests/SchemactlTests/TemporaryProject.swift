import Foundation
import XCTest

extension XCTestCase {
    /// A new folder under the temporary directory, removed when the test ends.
    func temporaryFolder(_ prefix: String) throws -> String {
        let folder = NSTemporaryDirectory() + "schemactl-\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    /// A copy of the CRM migrations in a temporary folder: its `migrations` path.
    func copyOfMigrations(_ prefix: String = "project") throws -> String {
        let folder = try temporaryFolder(prefix)
        try FileManager.default.copyItem(atPath: projectRoot + "/migrations", toPath: folder + "/migrations")
        return folder + "/migrations"
    }
}
