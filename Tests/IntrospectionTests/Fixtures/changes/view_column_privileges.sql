-- expect: views[public.v].columnPrivileges[a]
-- setup
CREATE VIEW v AS SELECT 1 AS a;
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- change
GRANT SELECT (a) ON v TO crm_reader;
