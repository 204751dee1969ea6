-- expect: tables[public.t].privileges
-- setup
CREATE TABLE t (id int);
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- change
GRANT SELECT, UPDATE ON t TO crm_reader;
