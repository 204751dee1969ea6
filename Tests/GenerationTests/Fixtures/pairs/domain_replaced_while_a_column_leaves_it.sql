-- A domain whose base type changes is made again (renamed aside, created anew) while one
-- of its columns moves to it and another leaves it for a plain type: that column's own
-- type change takes it from the old domain, once (the server refuses two type changes of
-- one column in one ALTER TABLE).
-- from
create domain positive as bigint not null default 1 check (value > 0) check (value < 1000);
create table t (a positive, b positive, c positive[]);
-- to
create domain positive as int check (value > 0);
create table t (a positive, b int, c text);
