-- expect: views[public.mv]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
