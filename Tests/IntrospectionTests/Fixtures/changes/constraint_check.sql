-- expect: tables[public.t].constraints[a_positive]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);
