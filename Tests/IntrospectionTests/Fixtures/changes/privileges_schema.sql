-- expect: schemas[app].privileges
-- setup
CREATE SCHEMA app;
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- change
GRANT USAGE ON SCHEMA app TO crm_reader;
