-- expect: tables[public.t].privileges
-- setup
CREATE TABLE t (id int);
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
GRANT SELECT ON t TO crm_reader;
-- change
GRANT SELECT ON t TO crm_reader WITH GRANT OPTION;
