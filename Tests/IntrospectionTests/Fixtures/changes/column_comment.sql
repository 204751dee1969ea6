-- expect: tables[public.t].columns[a].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
COMMENT ON COLUMN t.a IS 'the a';
