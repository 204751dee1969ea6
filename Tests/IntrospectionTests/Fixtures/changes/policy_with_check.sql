-- expect: tables[public.t].policies[own_rows].withCheck
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE POLICY own_rows ON t USING (a = 1);
-- change
ALTER POLICY own_rows ON t WITH CHECK (a > 0);
