import Diff
import EmbeddedServer
import Foundation
import Introspection
import SQLGeneration
import SchemaModel
import Synthetic
import TestSupport
import Testing

/// The benchmark's synthetic schema at 1,000 tables and its variant (a view's
/// column retyped, enum values added and removed, functions and triggers changed,
/// tables and foreign keys added and dropped): the plan turns each into the other.
/// The benchmark (`schemactl-bench plan`) runs the same at 5,000.
@Suite struct ScalePlanTests {
    @Test func thePlanTurnsTheSchemaIntoItsVariantAndBackAtAThousandTables() throws {
        let tables = 1000
        let base = try TestDatabase.make()
        defer { base.drop() }
        let connection = try base.connect()
        for batch in SyntheticSchema(tables: tables).batches() { try connection.execute(batch) }
        connection.close()
        // The variant starts as a copy of the base (no one may be connected to a template).
        let variant = try ScratchDatabase(on: try EmbeddedPostgres.shared().connectionString(), template: base.name, prefix: "schemactl_test")
        defer { variant.drop() }
        try variant.connect().execute(SyntheticVariant(tables: tables).statements.joined(separator: ";\n"))
        let old = try Inspector().inspect(try base.connect())
        let new = try Inspector().inspect(try variant.connect())
        let diff = SchemaDiff(from: old, to: new)
        #expect(diff.changes.count > 100, "the variant differs by a few percent: \(diff.changes.count) changes")
        try Proving.expectPlanHolds(from: old, to: new, "synthetic \(tables) → variant")
        try Proving.expectPlanHolds(from: new, to: old, "variant → synthetic \(tables)")
    }
}
