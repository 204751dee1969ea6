-- A check calls a function over its own table's row type (18's constraints test). The
-- function goes before the table (a table cannot go while a function takes its rows), so
-- the check, which holds the function, goes before both; an index over the same call too.
-- from
create table check_con_tbl (f1 int);
create function check_con_function(check_con_tbl) returns bool language plpgsql immutable
    as $$ begin return $1.f1 > 0; end $$;
alter table check_con_tbl add check (check_con_function(check_con_tbl.*));
create index check_con_idx on check_con_tbl ((check_con_function(check_con_tbl.*)));
create table kept (a int);
-- to
create table kept (a int);
