-- expect: tables[public.t].policies[own_rows]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
CREATE POLICY own_rows ON t USING (a = 1);
