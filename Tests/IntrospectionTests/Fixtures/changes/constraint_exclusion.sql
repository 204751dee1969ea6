-- expect: tables[public.t].constraints[no_overlap]
-- setup
CREATE TABLE t (during tsrange);
-- change
ALTER TABLE t ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);
