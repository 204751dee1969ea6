-- Default privileges of the role running the plan apply to what the plan creates, not to the
-- target's objects made before them: a view made again around a retyped column got a grant
-- its target lacks, a new table and sequence others. The source's go back to PostgreSQL's
-- defaults first and the target's are set last; each object gets the grants the plan writes
-- (random histories).
-- roles: dp_reader, dp_writer
-- from
create schema app;
create table app.deals (id int primary key, amount int);
create view app.deal_amounts as select id, amount from app.deals;
create function app.f() returns int language sql as 'select 1';
alter default privileges grant select on tables to dp_reader;
alter default privileges in schema app grant insert on tables to dp_writer;
alter default privileges revoke execute on functions from public;
alter default privileges grant usage on sequences to dp_reader;
create view app.later as select id from app.deals;
-- to
create schema app;
create table app.deals (id int primary key, amount bigint);
create view app.deal_amounts as select id, amount from app.deals;
create function app.f() returns int language sql as 'select 2';
alter default privileges grant select on tables to dp_reader;
alter default privileges in schema app grant insert on tables to dp_writer;
alter default privileges revoke execute on functions from public;
create view app.later as select id from app.deals;
create table app.notes (id int generated always as identity, body text);
create function app.g() returns int language sql as 'select 3';
