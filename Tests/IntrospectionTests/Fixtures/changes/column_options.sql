-- expect: tables[public.t].columns[b].options
-- setup
CREATE TABLE t (b text);
-- change
ALTER TABLE t ALTER COLUMN b SET (n_distinct = 100);
