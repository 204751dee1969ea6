-- A partitioned table's column statistics and storage reach its partitions unless set
-- with ONLY; a partition made later copies the storage but not the statistics.
-- from
create table p (id int, doc text) partition by range (id);
create table p1 partition of p for values from (0) to (100);
-- to
create table p (id int, doc text) partition by range (id);
alter table p alter doc set storage external;
alter table p alter doc set statistics 500;
alter table p alter doc set (n_distinct = 10);
create table p1 partition of p for values from (0) to (100);
create table p2 partition of p for values from (100) to (200);
