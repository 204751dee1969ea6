-- expect: tables[public.t].indexes[t_a].definition
-- expect: tables[public.t].indexes[t_a].predicate
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a ON t (a);
-- change
DROP INDEX t_a;
CREATE INDEX t_a ON t (a) WHERE a > 0;
