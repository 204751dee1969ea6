-- roles: app_reader, app_writer
-- Privileges change on a table (a table grant becomes a column grant: revoked before the
-- column's is granted, as revoking the table's takes the columns' with it), a sequence, a
-- function, a schema, and default privileges.
-- from
create table t (id int, secret text);
create sequence s;
create function f() returns int language sql as $$ select 1 $$;
create schema app;
grant select on t to app_reader;
-- to
create table t (id int, secret text);
create sequence s;
create function f() returns int language sql as $$ select 1 $$;
create schema app;
grant select (id) on t to app_reader;
grant insert, update on t to app_writer with grant option;
grant usage, select on sequence s to app_writer;
revoke all on function f() from public;
grant execute on function f() to app_writer;
grant usage, create on schema app to app_writer;
alter default privileges in schema app grant select on tables to app_reader;
alter default privileges grant execute on functions to app_writer;
