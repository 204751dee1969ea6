import Foundation
import Introspection
import SQLGeneration
import SchemaModel
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

    /// Options that may hold a password: by their key, or a connection string with one in the
    /// value; on a wrapper, a server, a foreign table, its column and a foreign partition's.
    private static let secretOptions = """
        create foreign data wrapper w options (api_key 'k-0001', debug 'on');
        create server s foreign data wrapper w options (host 'db', password 'k-0002', datasource 'PG:dbname=x password=k-0003');
        create server s2 foreign data wrapper w options (url 'postgres://u:k-0004@h/db', port '1');
        create foreign table "we""ird" (a int options (column_name 'a', secret 'k-0005'), b text) server s options (table_name 't', passwd 'k-0006');
        create table p (a int, b int) partition by list (a);
        create foreign table p1 partition of p for values in (1) server s;
        alter foreign table p1 alter column b options (add pwd 'k-0007');
        """
    private static let secrets = (1...7).map { "k-000\($0)" }
    private static let censusNames = [
        #""api_key" of foreign-data wrapper "w""#, #""datasource" of server "s""#, #""passwd" of foreign table "public"."we""ird""#,
        #""password" of server "s""#, #""pwd" of column "b" of foreign table "public"."p1""#,
        #""secret" of column "a" of foreign table "public"."we""ird""#, #""url" of server "s2""#,
    ]

    /// Never read, as a user mapping's options are not: the model and the plans hold no value,
    /// the census names each option by its key, and the plan that makes their objects says
    /// each must be set by hand. Their objects' other options are read as ever.
    @Test func optionsThatMayHoldAPasswordAreNeverRead() throws {
        let model = try TestDatabase.model(after: Self.secretOptions)
        let json = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
        #expect(Self.secrets.allSatisfy { !json.contains($0) }, "\(json)")
        #expect(model.unmodelled.filter { $0.kind == UnmodelledObject.passwordOption }.map(\.name).sorted() == Self.censusNames.sorted())
        let plans = try Proving.plansBothWays("", Self.secretOptions, trusted: true)
        #expect(Self.secrets.allSatisfy { secret in !plans.contains { $0.sql.contains(secret) } }, "\(plans[0].sql)")
        #expect(plans[0].sql.contains(#"SERVER s OPTIONS (table_name 't');"#) && plans[0].sql.contains("OPTIONS (column_name 'a')"), "\(plans[0].sql)")
        for name in Self.censusNames {
            #expect(plans[0].notes.contains("option \(name) is never read (it may hold a password): this plan does not set it; set it by hand (OPTIONS (ADD …))"))
        }
        // Dropped with their objects: nothing of their own to drop.
        #expect(!plans[1].sql.contains("OPTIONS (DROP"), "\(plans[1].sql)")
    }

    /// On objects that stay: one the target adds is named for its user to set; one it lacks is
    /// dropped by its key where it is, as data loss (no plan can give its value back).
    @Test func aPasswordOptionComesOrGoesOnObjectsThatStay() throws {
        let without = """
            create foreign data wrapper w; create server s foreign data wrapper w options (host 'db');
            create table p (a int, b int) partition by list (a);
            create foreign table p1 partition of p for values in (1) server s;
            """
        let with = without + """
            alter server s options (add password 'k-0008');
            alter foreign table p1 alter column b options (add pwd 'k-0009');
            """
        let plans = try Proving.plansBothWays(without, with, trusted: true)
        #expect(plans[0].statements.isEmpty, "\(plans[0].sql)")
        #expect(plans[0].notes.count == 2, "\(plans[0].notes)")
        #expect(plans[1].dataLoss.sorted() == [
            #"option "password" of server "s", never read (it may hold a password)"#,
            #"option "pwd" of column "b" of foreign table "public"."p1", never read (it may hold a password)"#,
        ], "\(plans[1].dataLoss)")
        // The proof's database never had them: the drops are run here on one that has.
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(with)
        try connection.execute(plans[1].sql)
        let after = try Inspector().inspect(connection)
        #expect(after.unmodelled.isEmpty, "\(after.unmodelled)")
        #expect(try connection.query("select srvoptions::text from pg_foreign_server").rows.first?.string("srvoptions") == "{host=db}")
    }
}
