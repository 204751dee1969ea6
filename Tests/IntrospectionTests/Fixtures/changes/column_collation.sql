-- expect: tables[public.t].columns[b].collation
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ALTER COLUMN b TYPE text COLLATE "POSIX";
