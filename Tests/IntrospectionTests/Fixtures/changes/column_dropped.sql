-- expect: tables[public.t].columns[b]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t DROP COLUMN b;
