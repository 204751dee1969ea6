-- expect: tables[public.t].constraints[t_a_fkey].definition
-- expect: tables[public.t].constraints[t_a_fkey].foreignKey.referencedTable.name
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE r2 (id int PRIMARY KEY);
ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES r (id);
-- change
ALTER TABLE t DROP CONSTRAINT t_a_fkey, ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES r2 (id);
