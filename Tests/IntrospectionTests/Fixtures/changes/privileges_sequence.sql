-- expect: sequences[public.s].privileges
-- setup
CREATE SEQUENCE s;
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- change
GRANT USAGE ON SEQUENCE s TO crm_reader;
