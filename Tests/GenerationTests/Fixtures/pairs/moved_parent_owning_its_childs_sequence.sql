-- A table that owns a sequence its inheritance child's default calls (the child holds its
-- parent's default), moved to another schema without --rename: dropped and made again. DROP
-- TABLE would take the sequence before the child's default changes, and the server refuses;
-- the sequence is detached first and dropped once nothing calls it (random histories).
-- from
create table t (id int primary key, n int);
create sequence s owned by t.n;
alter table t alter column n set default nextval('s');
create table child (extra int) inherits (t);
-- to
create schema moved;
create table moved.t (id int primary key, n int);
create sequence moved.s owned by moved.t.n;
alter table moved.t alter column n set default nextval('moved.s');
create table child (extra int) inherits (moved.t);
