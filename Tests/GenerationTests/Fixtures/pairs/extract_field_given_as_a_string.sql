-- EXTRACT with its field given as a string (LedgerSMB's `periods` view): the server
-- prints `EXTRACT(YEAR FROM …)`, which reads back as `year` and prints so; the view
-- made from its printed definition, and the check, must print what the target does.
-- from
create table entry (d date check (extract(month from d) between 1 and 12));
create view periods as select 'last_year'::text as id, ((extract(year from now()) - 1)::text || '-12-31')::date as date_to;
-- to
create table entry (d date check (extract('Month' from d) between 1 and 12));
create view periods as select 'last_year'::text as id, ((extract('YEAR' from now()) - 1)::text || '-12-31')::date as date_to;
