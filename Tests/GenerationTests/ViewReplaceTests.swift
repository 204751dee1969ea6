import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// A view whose old columns stay is replaced in place (`CREATE OR REPLACE VIEW`): the views over
/// it, its `INSTEAD OF` trigger, grants and column defaults are not made again with it.
@Suite struct ViewReplaceTests {
    static let base = """
        create table t (id int primary key, name text collate "C", amount numeric(10,2));
        create function t_insert() returns trigger language plpgsql as $$ begin insert into t values (new.id); return new; end $$;
        """

    /// `view` is the reporting view's query; a view over it, a trigger, a grant and a default stay.
    static func schema(_ view: String) -> String {
        base + """
        create view report as \(view);
        create view report_top as select id from report where id < 10;
        create trigger report_insert instead of insert on report for each row execute function t_insert();
        grant select on report to public;
        alter view report alter column id set default 0;
        """
    }

    private func plans(_ before: String, _ after: String) throws -> [Plan] { try Proving.plansBothWays(before, after) }

    @Test func aViewWhoseColumnsStayIsReplacedInPlace() throws {
        let plans = try plans(Self.schema("select id, name from t where amount > 0"),
                              Self.schema("select id, name from t where amount > 100"))
        for plan in plans {
            #expect(plan.statements.map(\.sql).filter { $0.hasPrefix("CREATE OR REPLACE VIEW") }.count == 1, "\(plan.sql)")
            #expect(!plan.sql.contains("DROP VIEW") && !plan.sql.contains("TRIGGER") && !plan.sql.contains("GRANT"), "\(plan.sql)")
        }
    }

    /// A view's options (`security_barrier`, `check_option`) and a materialized view's storage
    /// parameters change in place (`ALTER VIEW … SET (…)` / `RESET (…)`), alone or with a query
    /// replaced in place, whose `WITH (…)` replaces them all: nothing over them is made again.
    @Test func optionsChangeInPlace() throws {
        let options = [("", "with (security_barrier = true, check_option = local) "), ("with (security_barrier = false) ", "with (security_barrier = true) ")]
        for (was, now) in options {
            for plan in try plans(Self.schema("select id, name from t").replacingOccurrences(of: "create view report as", with: "create view report \(was)as"),
                                  Self.schema("select id, name from t").replacingOccurrences(of: "create view report as", with: "create view report \(now)as")) {
                #expect(!plan.sql.contains("DROP VIEW") && plan.statements.allSatisfy { $0.sql.hasPrefix("ALTER VIEW \"public\".\"report\" ") }, "\(plan.sql)")
            }
        }
        for plan in try plans(Self.schema("select id, name from t where amount > 0").replacingOccurrences(of: "create view report as", with: "create view report with (security_barrier) as"),
                              Self.schema("select id, name from t where amount > 9")) {
            #expect(!plan.sql.contains("DROP VIEW") && plan.statements.count == 1, "\(plan.sql)")
        }
        let matview = "create materialized view totals with (fillfactor = 70) as select id, amount from t; create index on totals (id);"
        for plan in try plans(Self.base + matview, Self.base + matview.replacingOccurrences(of: "fillfactor = 70", with: "autovacuum_enabled = false")) {
            #expect(!plan.sql.contains("DROP MATERIALIZED VIEW") && plan.statements.count == 2, "\(plan.sql)")
        }
    }

    @Test func aColumnAddedAtTheEndIsReplacedInPlaceOneTakenAwayIsMadeAgain() throws {
        let plans = try plans(Self.schema("select id, name from t"), Self.schema("select id, name, amount from t"))
        #expect(!plans[0].sql.contains("DROP VIEW"), "\(plans[0].sql)")
        // The server cannot take a column away from a view: made again, with what depends on it.
        #expect(plans[1].sql.contains(#"DROP VIEW IF EXISTS "public"."report_top""#), "\(plans[1].sql)")
        #expect(plans[1].sql.contains(#"DROP VIEW IF EXISTS "public"."report""#), "\(plans[1].sql)")
    }

    @Test func aColumnRetypedRenamedOrGivenAnotherCollationIsMadeAgain() throws {
        for changed in ["select id, name::varchar(20) as name from t", "select id, name as label from t",
                        #"select id, name collate "POSIX" as name from t"#] {
            let plans = try plans(Self.schema("select id, name from t"), Self.schema(changed))
            for plan in plans { #expect(plan.sql.contains(#"DROP VIEW IF EXISTS "public"."report""#), "\(changed): \(plan.sql)") }
        }
    }
}
