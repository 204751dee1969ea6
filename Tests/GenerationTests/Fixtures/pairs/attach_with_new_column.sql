-- A table is attached as a partition while its parent gains a column: the table
-- gets the column first.
-- from
create table m (id int, k int) partition by list (k);
create table m1 (id int, k int);
-- to
create table m (id int, k int, n text) partition by list (k);
create table m1 partition of m for values in (1);
