-- expect: domains[public.score].checks[score_range]
-- setup
CREATE DOMAIN score AS int;
-- change
ALTER DOMAIN score ADD CONSTRAINT score_range CHECK (VALUE > 0) NOT VALID;
