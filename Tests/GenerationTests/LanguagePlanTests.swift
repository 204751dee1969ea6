import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A procedural language whose handlers or trust change is replaced in place (`CREATE OR
/// REPLACE LANGUAGE`): dropped, it would take the functions written in it (pgAdmin's
/// schema-diff cases change both).
@Suite struct LanguagePlanTests {
    static func schema(trusted: Bool, inline: String) -> String {
        """
        create \(trusted ? "trusted " : "")language lan handler plpgsql_call_handler inline \(inline) validator plpgsql_validator;
        create function f() returns int language lan as $$ begin return 1; end $$;
        comment on language lan is 'ours';
        """
    }

    @Test func aLanguagesHandlersAndTrustChangeInPlace() throws {
        let plans = try Proving.plansBothWays(Self.schema(trusted: true, inline: "plpgsql_inline_handler"),
                                              Self.schema(trusted: false, inline: "prsd_end"), trusted: true)
        for plan in plans {
            #expect(plan.statements.count == 1 && plan.sql.contains("CREATE OR REPLACE ") && !plan.sql.contains("FUNCTION"), "\(plan.sql)")
        }
    }
}
