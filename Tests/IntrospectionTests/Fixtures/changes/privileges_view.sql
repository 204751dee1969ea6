-- expect: views[public.v].privileges
-- setup
CREATE VIEW v AS SELECT 1 AS a;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader; END IF; END $$;
-- change
GRANT SELECT ON v TO crm_reader;
