-- expect: tables[public.t].rowLevelSecurity
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
