-- expect: views[public.v].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE VIEW v AS SELECT a FROM t;
-- change
COMMENT ON VIEW v IS 'just a';
