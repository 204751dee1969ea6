import SQLGeneration
import TestSupport
import Testing

/// A server's version and options, and a wrapper's handler, validator and options, change in
/// place: a server made again takes its user mappings with it, whose options (passwords among
/// them) the model never reads and no plan can give back. pgquarrel's server case found it.
@Suite struct ForeignServerPlanTests {
    private func madeAgain(_ plan: Plan, _ kind: String) -> Bool {
        plan.statements.contains { $0.sql.hasPrefix("DROP \(kind)") }
    }

    @Test func aServersVersionAndOptionsChangeInPlaceUnderItsUserMappings() throws {
        let plans = try Proving.plansBothWays("""
            create foreign data wrapper w1;
            create server s type 'remote' version '9.5' foreign data wrapper w1 options (host 'localhost', port '9902');
            create user mapping for public server s;
            create user mapping for current_user server s;
            create foreign table ft (id int) server s options (table_name 'remote');
            """, """
            create foreign data wrapper w1 options (debug 'true');
            create server s type 'remote' version '9.4' foreign data wrapper w1 options (host 'localhost', port '9901', dbname 'crm');
            create user mapping for public server s;
            create user mapping for current_user server s;
            create foreign table ft (id int) server s options (table_name 'remote');
            """, trusted: true)
        for plan in plans {
            #expect(!madeAgain(plan, "SERVER") && !madeAgain(plan, "USER MAPPING") && !madeAgain(plan, "FOREIGN"), "\(plan.sql)")
        }
        #expect(plans[0].sql.contains(#"ALTER SERVER "s" VERSION '9.4' OPTIONS (SET port '9901', ADD dbname 'crm')"#), "\(plans[0].sql)")
        #expect(plans[1].sql.contains(#"ALTER SERVER "s" VERSION '9.5' OPTIONS (SET port '9902', DROP dbname)"#), "\(plans[1].sql)")
        #expect(plans[1].sql.contains(#"ALTER FOREIGN DATA WRAPPER "w1" OPTIONS (DROP debug)"#), "\(plans[1].sql)")
    }

    /// A server moved to another wrapper is made again: its user mappings and foreign tables go
    /// with it (the server refuses to be dropped under them), and the plan says the mappings
    /// come back without their options, a loss it refuses without --allow-destructive.
    @Test func aServerMovedToAnotherWrapperIsMadeAgainWithItsUserMappings() throws {
        let plans = try Proving.plansBothWays("""
            create foreign data wrapper w1; create foreign data wrapper w2;
            create server s foreign data wrapper w1 options (host 'a');
            create user mapping for public server s;
            create foreign table ft (id int) server s;
            """, """
            create foreign data wrapper w1; create foreign data wrapper w2;
            create server s foreign data wrapper w2 options (host 'a');
            create user mapping for public server s;
            create foreign table ft (id int) server s;
            """, trusted: true)
        for plan in plans {
            #expect(madeAgain(plan, "SERVER") && madeAgain(plan, "USER MAPPING"), "\(plan.sql)")
            #expect(plan.notes.contains { $0.hasPrefix("user mapping for PUBLIC on server s is dropped and created again, without its options") },
                    "\(plan.notes)")
            // Its options are lost with it: refused unless --allow-destructive.
            #expect(plan.dataLoss.contains { $0.description.contains("user mapping for PUBLIC on server s and its options") }, "\(plan.dataLoss)")
        }
    }
}
