-- expect: tables[public.t].constraints[t_a_fkey].definition
-- expect: tables[public.t].constraints[t_a_fkey].deferrable
-- expect: tables[public.t].constraints[t_a_fkey].initiallyDeferred
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE TABLE r (id int PRIMARY KEY);
ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES r (id);
-- change
ALTER TABLE t ALTER CONSTRAINT t_a_fkey DEFERRABLE INITIALLY DEFERRED;
