-- expect: schemas[app].privileges
-- setup
CREATE SCHEMA app;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
-- change
GRANT USAGE ON SCHEMA app TO crm_reader;
