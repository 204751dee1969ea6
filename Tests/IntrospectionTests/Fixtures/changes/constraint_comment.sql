-- expect: tables[public.t].constraints[a_positive].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);
-- change
COMMENT ON CONSTRAINT a_positive ON t IS 'no negatives';
