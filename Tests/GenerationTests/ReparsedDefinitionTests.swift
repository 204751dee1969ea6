import Testing

/// Definitions the server prints in a form it reads back as another: the consolidated script
/// (and every plan, through the same statements) writes them so that they read back as printed,
/// and `pg_dump -s` of the database it builds is the source's.
@Suite struct ReparsedDefinitionTests {
    /// `IN (…)` over a varchar (Django's, SQLAlchemy's, GNUmed's and MLflow's checks), printed
    /// `= ANY ((ARRAY['a'::character varying, …])::text[])`, and `EXTRACT('YEAR' FROM …)`
    /// (LedgerSMB's `periods` view), printed `EXTRACT(YEAR FROM …)`.
    @Test func checksViewsAndDefaultsPrintAsTheSourcesDo() throws {
        try Proving.expectDumpsAgree("""
            create table run (status varchar(20) check (status in ('SCHEDULED', 'RUNNING', 'FAILED')),
                              stage varchar(10) default 'active' check (stage in ('active', 'deleted', null)),
                              at date check (extract('Month' from at) between 1 and 12));
            create view live_runs as select status, (extract('YEAR' from now()) - 1)::text as last_year from run
                where stage in ('active', 'deleted') and status not in ('FAILED');
            """, "IN over varchar, EXTRACT of a field given as a string")
    }
}
