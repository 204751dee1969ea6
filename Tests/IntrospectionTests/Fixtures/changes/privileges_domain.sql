-- expect: domains[public.positive].privileges
-- setup
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- change
GRANT USAGE ON DOMAIN positive TO crm_reader WITH GRANT OPTION;
