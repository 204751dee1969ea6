-- expect: views[public.v].options
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE VIEW v AS SELECT a FROM t;
-- change
ALTER VIEW v SET (security_barrier = true);
