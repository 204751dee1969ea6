-- expect: tables[public.t].columns[b].statisticsTarget
-- setup
CREATE TABLE t (b text);
-- change
ALTER TABLE t ALTER COLUMN b SET STATISTICS 500;
