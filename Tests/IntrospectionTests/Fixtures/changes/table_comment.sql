-- expect: tables[public.t].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
COMMENT ON TABLE t IS 'things';
