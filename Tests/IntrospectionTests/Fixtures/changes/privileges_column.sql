-- expect: tables[public.t].columns[id].privileges
-- setup
CREATE TABLE t (id int);
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
-- change
GRANT UPDATE (id) ON t TO crm_reader;
