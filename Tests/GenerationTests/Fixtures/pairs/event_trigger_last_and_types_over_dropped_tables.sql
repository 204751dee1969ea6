-- An event trigger that refuses CREATE TYPE and DROP TYPE: a plan that creates it must
-- do so after every other statement (here, after the enum a kept column leaves is
-- dropped, at the end), and one that drops it before any (pg_dump writes them last for
-- the same reason). And a composite type with an attribute of a table's row type: when
-- both go, the type goes before the table, not with the late drops.
-- from
create table comp1 (a int, b text);
create type comp3 as (c1 comp1, c2 int);
create type mood as enum ('calm', 'busy');
create table keeper (id int, status mood);
-- to
create table keeper (id int, status text, tags text[]);
create type later as (x int);
create function refuse_types() returns event_trigger language plpgsql as $$
begin
  raise exception 'no type changes here';
end $$;
create event trigger no_types on ddl_command_start when tag in ('CREATE TYPE', 'DROP TYPE') execute function refuse_types();
