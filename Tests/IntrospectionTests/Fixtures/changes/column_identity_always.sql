-- expect: tables[public.t].columns[a].identity
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL, b text);
-- change
ALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;
