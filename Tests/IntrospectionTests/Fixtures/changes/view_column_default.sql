-- expect: views[public.v].columnDefaults[a]
-- setup
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT * FROM t;
-- change
ALTER VIEW v ALTER COLUMN a SET DEFAULT 42;
