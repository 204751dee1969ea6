import Foundation

/// A file of Tests/IntrospectionTests/Fixtures/changes: a schema (`-- setup`), one
/// change to it (`-- change`), and the model paths the change must touch (`-- expect:`).
public struct ChangeFixture: Sendable {
    public var expected: Set<String> = []
    public var expectedDependency: String?
    /// `-- pg_dump leaves out: why`: the change is one pg_dump does not write.
    public var dumpLeavesOut: String?
    public var setup = ""
    public var change = ""

    public init(contentsOf url: URL) throws {
        var section = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- expect: ") {
                expected.insert(String(line.dropFirst("-- expect: ".count)))
            } else if line.hasPrefix("-- pg_dump leaves out: ") {
                dumpLeavesOut = String(line.dropFirst("-- pg_dump leaves out: ".count))
            } else if line.hasPrefix("-- depends: ") {
                expectedDependency = String(line.dropFirst("-- depends: ".count))
            } else if line == "-- setup" || line == "-- change" {
                section = String(line.dropFirst(3))
            } else if section == "setup" {
                setup += line + "\n"
            } else if section == "change" {
                change += line + "\n"
            }
        }
    }
}

extension ChangeFixture {
    /// The folder of change fixtures.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IntrospectionTests/Fixtures/changes")

    public static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    }
}
