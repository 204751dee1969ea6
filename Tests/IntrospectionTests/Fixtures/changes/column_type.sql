-- expect: tables[public.t].columns[a].type
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ALTER COLUMN a TYPE bigint;
