-- A table whose row type another table's column holds gains a column.
-- from
create table a (x int, y text);
create table b (id int, r a);
-- to
create table a (x int, y text, z int);
create table b (id int, r a);
