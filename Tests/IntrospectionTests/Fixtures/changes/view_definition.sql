-- expect: views[public.v].definition
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE VIEW v AS SELECT a FROM t;
-- change
CREATE OR REPLACE VIEW v AS SELECT a FROM t WHERE a > 0;
