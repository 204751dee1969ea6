import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// An event trigger whose firing state alone changes is set in place (`ALTER EVENT TRIGGER …
/// ENABLE …` / `DISABLE`), not dropped and made again: one that stops firing in ordinary
/// sessions first, one that starts last, as one made anew comes last (in between it would fire
/// on the plan's own statements). pgAdmin's schema-diff cases change each state.
@Suite struct EventTriggerPlanTests {
    static let function = """
        create function audit_ddl() returns event_trigger language plpgsql as $$ begin perform 1; end $$;
        create table t (id int);
        """

    static func triggers(_ states: [String]) -> String {
        function + states.enumerated().map { index, state in
            "create event trigger e\(index) on ddl_command_start execute function audit_ddl();"
                + (state.isEmpty ? "" : " alter event trigger e\(index) \(state);")
        }.joined(separator: "\n")
    }

    @Test func aFiringStateChangesInPlace() throws {
        let plans = try Proving.plansBothWays(Self.triggers(["", "disable", "enable replica", "enable always"]),
                                              Self.triggers(["disable", "", "enable always", "enable replica"])
                                                + " alter table t add column note text; comment on event trigger e0 is 'off for now';",
                                              trusted: true)
        for plan in plans {
            #expect(!plan.sql.contains("DROP EVENT TRIGGER") && !plan.sql.contains("CREATE EVENT TRIGGER"), "\(plan.sql)")
            let sql = plan.statements.map(\.sql)
            let states = sql.indices.filter { sql[$0].hasPrefix("ALTER EVENT TRIGGER ") }
            let table = try #require(sql.firstIndex { $0.hasPrefix("ALTER TABLE ") })
            // Those that stop firing before the table's change, those that start after it.
            for index in states {
                let stops = sql[index].hasSuffix(" DISABLE;") || sql[index].hasSuffix(" ENABLE REPLICA;")
                #expect(stops ? index < table : index > table, "\(plan.sql)")
            }
            #expect(states.count == 4, "\(plan.sql)")
        }
    }

    /// Another event or another function: made again.
    @Test func anotherEventOrFunctionIsMadeAgain() throws {
        let plans = try Proving.plansBothWays(Self.triggers([""]), Self.triggers([""]).replacingOccurrences(of: "on ddl_command_start", with: "on ddl_command_end"),
                                              trusted: true)
        for plan in plans { #expect(plan.sql.contains("DROP EVENT TRIGGER") && plan.sql.contains("CREATE EVENT TRIGGER"), "\(plan.sql)") }
    }
}
