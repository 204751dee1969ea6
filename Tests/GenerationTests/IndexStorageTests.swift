import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An index's storage parameters, a key's too (which pg_get_constraintdef leaves out), are read,
/// written back by the schema script, and changed in place: a key dropped and added again for
/// its fillfactor would build its index again and take the foreign keys that reference it.
@Suite struct IndexStorageTests {
    static func schema(key: String, unique: String, index: String) -> String {
        """
        create table a (id int not null, code text, note text);
        alter table a add primary key (id) include (code) \(key);
        alter table a add unique (code) \(unique);
        create index a_note_idx on a (note) \(index) where note <> '';
        create table r (a_id int references a);
        """
    }

    @Test func aKeysParametersAreReadAndWrittenBack() throws {
        let model = try TestDatabase.model(after: Self.schema(key: "with (fillfactor = 60, deduplicate_items = off)",
                                                               unique: "with (fillfactor = 40) deferrable", index: ""))
        let table = try #require(model.table("public", "a"))
        #expect(table.constraints.map(\.definition).sorted() == [
            "PRIMARY KEY (id) INCLUDE (code) WITH (fillfactor='60', deduplicate_items=off)",
            "UNIQUE (code) WITH (fillfactor='40') DEFERRABLE",
        ])
        try Proving.expectScriptRoundTrip(model, "keys with storage parameters")
    }

    @Test func parametersAloneChangeInPlaceBothWays() throws {
        let old = try TestDatabase.model(after: Self.schema(key: "with (fillfactor = 60)", unique: "", index: "with (fillfactor = 80)"))
        let new = try TestDatabase.model(after: Self.schema(key: "with (fillfactor = 70, deduplicate_items = off)",
                                                             unique: "with (fillfactor = 40)", index: ""))
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            #expect(!plan.statements.isEmpty && plan.statements.allSatisfy { $0.sql.hasPrefix("ALTER INDEX ") }, "\(plan.sql)")
            let proof = try Proving.check().prove(plan, from: source, to: target)
            #expect(proof.holds, "\(plan.sql)\n\(proof.leftover)")
        }
    }
}
