-- expect: tables[public.t].constraints[a_positive].definition
-- expect: tables[public.t].constraints[a_positive].validated
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0) NOT VALID;
-- change
ALTER TABLE t VALIDATE CONSTRAINT a_positive;
