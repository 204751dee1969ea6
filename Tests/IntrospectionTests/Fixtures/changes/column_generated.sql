-- expect: tables[public.t].columns[c]
-- setup
CREATE TABLE t (a int, b int);
-- change
ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a + b) STORED;
