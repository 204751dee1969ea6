-- A child comes to inherit from a second parent: its column comes first (and back:
-- it leaves the parent before the column it got from it goes).
-- from
create table a (x int);
create table b (y int);
create table c (z int) inherits (a);
-- to
create table a (x int);
create table b (y int);
create table c (z int) inherits (a, b);
