-- expect: tables[public.t].columns[b].storage
-- setup
CREATE TABLE t (b text);
-- change
ALTER TABLE t ALTER COLUMN b SET STORAGE EXTERNAL;
