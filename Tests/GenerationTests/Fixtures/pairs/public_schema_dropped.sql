-- The public schema dropped for a schema of the application's own (a common hardening, and
-- pg_dump's test suite's `DROP SCHEMA public`): every new database has `public`, and the
-- consolidated script, which makes the schema from nothing, left it there; it drops it now.
-- from
create schema app;
create table app.t (id int);
create table public.kept (id int);
-- to
drop schema public;
create schema app;
create table app.t (id int);
