-- expect: tables[public.t].policies[own_rows].permissive
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE POLICY own_rows ON t USING (a = 1);
-- change
DROP POLICY own_rows ON t;
CREATE POLICY own_rows ON t AS RESTRICTIVE USING (a = 1);
