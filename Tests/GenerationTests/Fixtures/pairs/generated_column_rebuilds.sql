-- Generated columns dropped and added again: one whose expression changes, one that reads
-- a column that changes type (the server refuses the type change while it is there), and
-- a partitioned table's; with the index, unique index, check, statistics, comment and view
-- that DROP COLUMN takes with them.
-- from
create table t (a int, b int, g int generated always as (a + b) stored, h int generated always as (b * 2) stored);
create index t_g on t (g);
create unique index t_h on t (h) where h > 0;
alter table t add constraint g_pos check (g > 0);
create statistics t_st on a, g from t;
comment on column t.g is 'sum';
create view v as select g, h from t;
create table m (k int, a int, g int generated always as (a * 2) stored) partition by list (k);
create table m1 partition of m for values in (1);
create index on m (g);
-- to
create table t (a bigint, b int, g bigint generated always as (a + b) stored, h int generated always as (b * 3) stored);
create index t_g on t (g);
create unique index t_h on t (h) where h > 0;
alter table t add constraint g_pos check (g > 0);
create statistics t_st on a, g from t;
comment on column t.g is 'sum';
create view v as select g, h from t;
create table m (k int, a int, g int generated always as (a * 3) stored) partition by list (k);
create table m1 partition of m for values in (1);
create index on m (g);
