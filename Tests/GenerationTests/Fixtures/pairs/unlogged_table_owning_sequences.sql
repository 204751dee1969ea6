-- A table made logged or unlogged: from 15 the server sets the sequences it owns the same
-- way; those the target holds the other way are set back (random histories: a logged
-- sequence owned by an unlogged table).
-- from
create unlogged table t (id int, n int);
create sequence s owned by t.n;
alter table t alter column n set default nextval('s');
create unlogged sequence u owned by t.id;
-- to
create table t (id int, n int);
create sequence s owned by t.n;
alter table t alter column n set default nextval('s');
create unlogged sequence u owned by t.id;
