-- expect: tables[public.t].forceRowLevelSecurity
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t FORCE ROW LEVEL SECURITY;
