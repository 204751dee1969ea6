-- expect: sequences[public.s].privileges
-- setup
CREATE SEQUENCE s;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
-- change
GRANT USAGE ON SEQUENCE s TO crm_reader;
