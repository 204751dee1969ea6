-- expect: tables[public.t].policies[own_rows].roles
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_reader') THEN CREATE ROLE crm_reader;
END IF;
END $$;
CREATE POLICY own_rows ON t USING (a = 1);
-- change
ALTER POLICY own_rows ON t TO crm_reader;
