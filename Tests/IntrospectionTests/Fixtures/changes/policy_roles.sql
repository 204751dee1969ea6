-- expect: tables[public.t].policies[own_rows].roles
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
DO $$ BEGIN CREATE ROLE crm_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
CREATE POLICY own_rows ON t USING (a = 1);
-- change
ALTER POLICY own_rows ON t TO crm_reader;
