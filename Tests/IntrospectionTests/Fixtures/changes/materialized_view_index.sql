-- expect: views[public.mv].indexes[mv_a]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
-- change
CREATE INDEX mv_a ON mv (a);
