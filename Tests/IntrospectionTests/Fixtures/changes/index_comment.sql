-- expect: tables[public.t].indexes[t_a].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a ON t (a);
-- change
COMMENT ON INDEX t_a IS 'by a';
