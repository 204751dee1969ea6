-- A partitioned table's column changes type: its partitions follow, at every depth, under a view on one.
-- from
create table m (id int, k int, n int default 0) partition by list (k);
create table m1 partition of m for values in (1);
create table m2 partition of m for values in (2) partition by list (id);
create table m2a partition of m2 for values in (1);
create view v as select n from m1;
-- to
create table m (id int, k int, n bigint default 1) partition by list (k);
create table m1 partition of m for values in (1);
create table m2 partition of m for values in (2) partition by list (id);
create table m2a partition of m2 for values in (1);
create view v as select n from m1;
