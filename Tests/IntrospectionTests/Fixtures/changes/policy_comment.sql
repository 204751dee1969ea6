-- expect: tables[public.t].policies[own_rows].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE POLICY own_rows ON t USING (a = 1);
-- change
COMMENT ON POLICY own_rows ON t IS 'mine';
