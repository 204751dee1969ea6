-- expect: tables[public.t]
-- setup
-- change
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
