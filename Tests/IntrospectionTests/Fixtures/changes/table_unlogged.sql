-- expect: tables[public.t].unlogged
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t SET UNLOGGED;
