-- An enum loses a value under a partitioned table's column and an inherited one:
-- the children's columns move with their parents'.
-- from
create type st as enum ('a', 'b', 'c');
create table m (id int, s st default 'a') partition by list (id);
create table m1 partition of m for values in (1);
create table p (id int, s st);
create table c (x int) inherits (p);
-- to
create type st as enum ('a', 'b');
create table m (id int, s st default 'b') partition by list (id);
create table m1 partition of m for values in (1);
create table p (id int, s st);
create table c (x int) inherits (p);
