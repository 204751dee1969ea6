-- expect: tables[public.t].privileges
-- setup
CREATE TABLE t (id int);
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
GRANT SELECT ON t TO crm_reader;
-- change
GRANT SELECT ON t TO crm_reader WITH GRANT OPTION;
