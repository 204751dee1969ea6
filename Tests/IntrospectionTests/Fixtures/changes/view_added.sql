-- expect: views[public.v]
-- depends: view public.v -> table public.t
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
CREATE VIEW v AS SELECT a FROM t;
