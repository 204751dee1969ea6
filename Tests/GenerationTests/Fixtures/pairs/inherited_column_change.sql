-- A child's inherited column changes type with its parent's: the server refuses it on the child.
-- from
create table p (id int, n int);
create table c (extra int) inherits (p);
-- to
create table p (id int, n bigint);
create table c (extra int) inherits (p);
