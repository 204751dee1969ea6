-- expect: tables[public.t].indexes[t_a].definition
-- expect: tables[public.t].indexes[t_a].unique
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a ON t (a);
-- change
DROP INDEX t_a;
CREATE UNIQUE INDEX t_a ON t (a);
