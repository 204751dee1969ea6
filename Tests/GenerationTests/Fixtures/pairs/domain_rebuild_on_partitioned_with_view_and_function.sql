-- A domain's base type changes under a partitioned table's column, a view and a
-- function.
-- from
create domain code as varchar(5);
create table m (id int, c code) partition by list (id);
create table m1 partition of m for values in (1);
create view v as select c from m;
create function f(x code) returns text language sql as $$ select x::text $$;
-- to
create domain code as varchar(10);
create table m (id int, c code) partition by list (id);
create table m1 partition of m for values in (1);
create view v as select c from m;
create function f(x code) returns text language sql as $$ select x::text $$;
