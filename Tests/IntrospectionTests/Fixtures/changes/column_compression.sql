-- expect: tables[public.t].columns[b].compression
-- setup
-- needs PostgreSQL 14
CREATE TABLE t (b text);
-- change
ALTER TABLE t ALTER COLUMN b SET COMPRESSION pglz;
