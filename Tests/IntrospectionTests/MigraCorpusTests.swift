import Diff
import EmbeddedServer
import Foundation
import Introspection
import PostgresClient
import SchemaModel
import TestSupport
import XCTest

/// Every a.sql and b.sql of migra's fixtures (copied, public domain, into
/// Tests/Corpus/migra) loads into a fresh database and inspects, twice alike.
final class MigraCorpusTests: XCTestCase {
    func testEveryCorpusSchemaLoadsAndInspects() throws {
        let corpus = URL(fileURLWithPath: projectRoot).appendingPathComponent("Tests/Corpus/migra")
        // migra's own harness creates this role before loading its rls fixtures.
        try Connection(EmbeddedPostgres.shared().connectionString()).execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'schemainspect_test_role') "
                + "THEN CREATE ROLE schemainspect_test_role; END IF; END $$")
        let cases = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter {
            FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("a.sql").path)
        }.sorted()
        XCTAssertEqual(cases.count, 26)
        var inspected = 0, skipped = 0
        for name in cases {
            for side in ["a.sql", "b.sql"] {
                let sql = try String(contentsOf: corpus.appendingPathComponent(name).appendingPathComponent(side), encoding: .utf8)
                if let reason = try ServerFeatures.missing(for: sql) {
                    print("skipped \(name)/\(side): \(reason)")
                    skipped += 1
                    continue
                }
                let database = try TestDatabase.make()
                let connection = try database.connect()
                do {
                    try connection.execute(sql)
                    let model = try Inspector().inspect(connection)
                    try assertDefinitionsAreTheServers(model, connection, "\(name)/\(side)")
                    let bytes = ModelJSON.encode(model)
                    XCTAssertEqual(bytes, ModelJSON.encode(try Inspector().inspect(connection)), "\(name)/\(side)")
                    // The fast writer and the generic encoder agree byte for byte, and it decodes back.
                    XCTAssertEqual(bytes, try ModelJSON.encodeWithCodable(model), "\(name)/\(side)")
                    XCTAssertEqual(try ModelJSON.decode(DatabaseModel.self, from: bytes), model, "\(name)/\(side)")
                    XCTAssertEqual(model.unmodelled, [], "\(name)/\(side): the census finds nothing")
                    // The oracle: its pg_dump -s, restored into a new database, reads as the same schema.
                    let restored = try TestDatabase.make()
                    try restored.connect().execute(try SchemaDump.of(database.connectionString, complete: true))
                    var restoredModel = try Inspector().inspect(restored.connect())
                    // pg_dump writes CREATE EXTENSION without its version: the restore gets the default one.
                    for index in restoredModel.extensions.indices {
                        if let original = model.extensions.first(where: { $0.name == restoredModel.extensions[index].name }) {
                            restoredModel.extensions[index].version = original.version
                        }
                    }
                    let diff = SchemaDiff(from: model, to: restoredModel)
                    XCTAssertTrue(diff.isEmpty, "\(name)/\(side) restored from pg_dump -s:\n" + DiffRenderer.text(diff))
                    restored.drop()
                    inspected += 1
                } catch {
                    XCTFail("\(name)/\(side): \(error)")
                }
                database.drop()
            }
        }
        XCTAssertEqual(inspected + skipped, 2 * cases.count)
        XCTAssertGreaterThan(inspected, cases.count, "most of the corpus must run on every major")
    }
}
