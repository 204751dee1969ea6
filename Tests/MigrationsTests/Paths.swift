import Foundation

/// The directory fixtures live with the server-free tests (`Tests/UnitTests/Fixtures`).
func fixtureURL(_ path: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("UnitTests/Fixtures").appendingPathComponent(path)
}

let crmMigrationsPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("migrations").path
