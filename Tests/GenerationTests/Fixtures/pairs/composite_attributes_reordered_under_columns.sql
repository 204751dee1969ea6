-- A composite type whose attributes change order under columns that hold it, alone and in
-- arrays (PoWA's powa_statements_history_record, between its versions): ADD ATTRIBUTE
-- appends and the type cannot be dropped under its columns, so it is renamed aside, made
-- anew, and each column's values are moved attribute by attribute, by name.
-- from
create type sample as (ts timestamptz, calls bigint, runtime double precision);
create table history (id int, first sample, records sample[]);
create function calls_of(s sample) returns bigint language sql immutable as 'select ($1).calls';
create view history_calls as select id, calls_of(first) as calls from history;
-- to
create type sample as (ts timestamptz, runtime double precision, calls bigint, rows bigint);
create table history (id int, first sample, records sample[]);
create function calls_of(s sample) returns bigint language sql immutable as 'select ($1).calls';
create view history_calls as select id, calls_of(first) as calls from history;
