-- expect: tables[public.t].constraints[a_positive].definition
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);
-- change
ALTER TABLE t DROP CONSTRAINT a_positive, ADD CONSTRAINT a_positive CHECK (a >= 0);
