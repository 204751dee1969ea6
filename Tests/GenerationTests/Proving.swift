import Diff
import Foundation
import Introspection
import Release
import Replay
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// Shared by the generation suites: models of SQL on the test server, and proofs.
enum Proving {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/migra")
    static let kitchenSink = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IntrospectionTests/Fixtures/kitchen_sink.sql")

    /// Each case folder of migra's corpus.
    static var corpusCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("a.sql").path) }
            .sorted()
    }

    static func check() throws -> PlanCheck { PlanCheck(replay: try MigrationReplay.onTestServer()) }

    /// The consolidated form of `model`, applied twice to an empty database, gives `model`.
    static func expectScriptRoundTrip(_ model: DatabaseModel, _ label: String) throws {
        let script = SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render()
        #expect(script == SchemaScript(model: model, header: .init(command: "test", versions: [], serverMajor: 0)).render(),
                "deterministic")
        let proof = try check().proveScript(script, gives: model)
        #expect(proof.holds, "\(label): the script applied twice leaves\n\(DiffRenderer.text(proof.leftover))\n\(script)")
    }

    /// The plan from `old` to `new`, applied to `old`, gives `new`.
    static func expectPlanHolds(from old: DatabaseModel, to new: DatabaseModel, _ label: String) throws {
        let plan = Planner(from: old, to: new).plan()
        #expect(!plan.isEmpty || SchemaDiff(from: old, to: new).isEmpty, "\(label): a difference with an empty plan")
        let proof = try check().prove(plan, from: old, to: new)
        #expect(proof.holds, "\(label): the plan leaves\n\(DiffRenderer.text(proof.leftover))\nplan:\n\(plan.sql)")
    }
}
