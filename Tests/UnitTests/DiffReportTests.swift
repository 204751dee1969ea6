import Diff
import Foundation
import SchemaModel
import Testing

/// The diff and its three reports, on models saved as JSON: no server. Each
/// folder under Fixtures/reports holds two models and the expected reports,
/// compared byte for byte.
@Suite struct DiffReportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reports")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreReportFixtures() {
        #expect(Self.cases.count >= 2)
    }

    /// With `SCHEMACTL_WRITE_GOLDEN=1` the expected files are written from
    /// today's output instead (then read the change in `git diff` before committing it).
    static let writesGolden = ProcessInfo.processInfo.environment["SCHEMACTL_WRITE_GOLDEN"] == "1"

    @Test(arguments: cases)
    func reportsAreTheGoldenBytes(_ name: String) throws {
        let (old, new) = try models(name)
        let diff = SchemaDiff(from: old, to: new)
        if Self.writesGolden {
            let folder = Self.folder.appendingPathComponent(name)
            try DiffRenderer.text(diff).write(to: folder.appendingPathComponent("expected.text"), atomically: true, encoding: .utf8)
            try DiffRenderer.json(diff).write(to: folder.appendingPathComponent("expected.json"))
            try DiffRenderer.markdown(diff).write(to: folder.appendingPathComponent("expected.markdown"), atomically: true, encoding: .utf8)
        }
        #expect(DiffRenderer.text(diff) == (try expected(name, "text")))
        #expect(String(decoding: try DiffRenderer.json(diff), as: UTF8.self) == (try expected(name, "json")))
        #expect(DiffRenderer.markdown(diff) == (try expected(name, "markdown")))
    }

    @Test(arguments: cases)
    func goingBackIsTheMirrorImage(_ name: String) throws {
        let (old, new) = try models(name)
        let forth = SchemaDiff(from: old, to: new), back = SchemaDiff(from: new, to: old)
        #expect(back.changes.count == forth.changes.count)
        #expect(back.changes.filter { $0.change == .added }.count == forth.changes.filter { $0.change == .removed }.count)
        #expect(SchemaDiff(from: old, to: old).isEmpty)
    }

    @Test(arguments: cases)
    func everyChangeCarriesTheModelValuesOfItsSides(_ name: String) throws {
        let (old, new) = try models(name)
        for change in SchemaDiff(from: old, to: new).changes {
            switch change.change {
            case .added: #expect(change.old == nil && change.new != nil)
            case .removed: #expect(change.old != nil && change.new == nil)
            case .changed: #expect(change.old != nil && change.new != nil && change.old != change.new)
            }
        }
    }

    private func models(_ name: String) throws -> (DatabaseModel, DatabaseModel) {
        let read = { (side: String) in
            try ModelJSON.decode(DatabaseModel.self, from: Data(contentsOf: Self.folder.appendingPathComponent("\(name)/\(side).json")))
        }
        return (try read("a"), try read("b"))
    }

    private func expected(_ name: String, _ format: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent("\(name)/expected.\(format)"), encoding: .utf8)
    }
}
