import Diff
import EmbeddedServer
import Introspection
import PostgresClient
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A partition whose `DETACH PARTITION … CONCURRENTLY` was interrupted stays a
/// partition, marked pending (PostgreSQL 14+), until `DETACH PARTITION … FINALIZE`.
/// The model says so, a diff shows it, and a plan away from it finishes the detach.
@Suite struct DetachPendingTests {
    static let setup = """
        CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
        CREATE TABLE "events 2024" PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """

    /// The setup, then a detach interrupted: another session reads the table, so the detach
    /// waits for it in its second transaction, and its statement timeout cancels it there.
    static func pending(_ database: ScratchDatabase) throws {
        let reader = try database.connect()
        defer { reader.close() }
        try reader.execute("BEGIN; SELECT count(*) FROM events")
        let detacher = try database.connect()
        defer { detacher.close() }
        // Alone in its query string: in a string of several, it would be in a transaction block, which it refuses.
        try detacher.execute("SET statement_timeout = '300ms'")
        #expect(throws: PostgresError.self) {
            try detacher.execute("ALTER TABLE events DETACH PARTITION \"events 2024\" CONCURRENTLY")
        }
        try reader.execute("COMMIT")
    }

    @Test func aPendingDetachIsModelledAndAPlanFinishesIt() throws {
        if try ServerFeatures.major() < 14 { try Test.cancel("DETACH PARTITION … CONCURRENTLY is PostgreSQL 14's") }
        let database = try TestDatabase.make()
        defer { database.drop() }
        try database.connect().execute(Self.setup)
        let attached = try Inspector().inspect(database.connect())
        try Self.pending(database)
        let pending = try Inspector().inspect(database.connect())
        let table = try #require(pending.tables.first { $0.name.name == "events 2024" })
        #expect(table.detachPending == true && table.partitionOf?.name == "events")
        #expect(pending.tables.first { $0.name.name == "events_2025" }?.detachPending == nil)
        // The detach also gave the partition a check of its bound, which stays.
        let diff = SchemaDiff(from: attached, to: pending)
        #expect(diff.changes.map(\.id.name) == ["events 2024", "events 2024_at_check"], "\(DiffRenderer.text(diff, colour: false))")
        #expect(diff.changes.first?.properties.map(\.name) == ["detach pending"], "\(DiffRenderer.text(diff, colour: false))")

        // Finished: detached for good, or attached again as a plain partition. A proof cannot
        // build a pending detach from a model, so each plan is applied to a database left so.
        try database.connect().execute("ALTER TABLE events DETACH PARTITION \"events 2024\" FINALIZE")
        let detached = try Inspector().inspect(database.connect())
        for (label, target) in [("finished", detached), ("attached again", attached)] {
            let plan = Planner(from: pending, to: target).plan()
            #expect(plan.sql.contains(#"ALTER TABLE "public"."events" DETACH PARTITION "public"."events 2024" FINALIZE;"#), "\(plan.sql)")
            let other = try TestDatabase.make()
            defer { other.drop() }
            try other.connect().execute(Self.setup)
            try Self.pending(other)
            try other.connect().execute(plan.sql)
            let left = SchemaDiff(from: try Inspector().inspect(other.connect()), to: target)
            #expect(left.isEmpty, "\(label): \(DiffRenderer.text(left, colour: false))\n\(plan.sql)")
        }
    }
}
