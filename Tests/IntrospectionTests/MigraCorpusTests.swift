import Diff
import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import Testing

/// Every a.sql and b.sql of migra's fixtures (copied, public domain, into
/// Tests/Corpus/migra) loads into a fresh database and inspects, twice alike;
/// and the pg_dump oracle holds for each. One test case per schema, in parallel.
@Suite struct MigraCorpusTests {
    static let corpus = URL(fileURLWithPath: projectRoot).appendingPathComponent("Tests/Corpus/migra")
    static let schemas: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("a.sql").path) }
        .sorted().flatMap { ["\($0)/a.sql", "\($0)/b.sql"] }

    @Test func theWholeCorpusIsHere() {
        #expect(Self.schemas.count == 52)
    }

    @Test(arguments: schemas)
    func loadsInspectsAndSurvivesPgDump(_ path: String) throws {
        let sql = try String(contentsOf: Self.corpus.appendingPathComponent(path), encoding: .utf8)
        if let reason = try ServerFeatures.missing(for: sql) { try Test.cancel(Comment(rawValue: "skipped: " + reason)) }
        // migra's own harness creates this role before loading its rls fixtures.
        try TestDatabase.ensureRole("schemainspect_test_role")
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(sql)
        let model = try Inspector().inspect(connection)
        let (mismatches, _) = try definitionMismatches(model, connection)
        #expect(mismatches == [])
        let bytes = ModelJSON.encode(model)
        #expect(bytes == ModelJSON.encode(try Inspector().inspect(connection)))
        // The fast writer and the generic encoder agree byte for byte, and it decodes back.
        #expect(bytes == (try ModelJSON.encodeWithCodable(model)))
        #expect(try ModelJSON.decode(DatabaseModel.self, from: bytes) == model)
        #expect(model.unmodelled == [], "the census finds nothing")
        // The oracle: its pg_dump -s, restored into a new database, reads as the same schema.
        let diff = SchemaDiff(from: model, to: try SchemaDump.restoredModel(of: database, original: model))
        #expect(diff.isEmpty, "restored from pg_dump -s:\n\(DiffRenderer.text(diff))")
    }
}
