-- A column dropped with the generated column that reads it (`DROP COLUMN … CASCADE`), the
-- generated column after it in the table: the generated column goes first, as the server
-- drops no column under one (random histories).
-- from
create table t (id int primary key, amount bigint not null, doubled bigint generated always as (amount * 2) stored, note text);
-- to
create table t (id int primary key, note text);
