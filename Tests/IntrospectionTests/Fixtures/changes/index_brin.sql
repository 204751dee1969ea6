-- expect: tables[public.t].indexes[t_a]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
CREATE INDEX t_a ON t USING brin (a);
