-- expect: tables[public.t].columns[v].type
-- setup
CREATE TABLE t (v varchar(10));
-- change
ALTER TABLE t ALTER COLUMN v TYPE varchar(20);
