-- expect: tables[public.t].storageParameters
-- setup
CREATE TABLE t (id int);
-- change
ALTER TABLE t SET (fillfactor = 70, autovacuum_enabled = false);
