-- expect: domains[public.positive].privileges
-- setup
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
-- change
GRANT USAGE ON DOMAIN positive TO crm_reader WITH GRANT OPTION;
