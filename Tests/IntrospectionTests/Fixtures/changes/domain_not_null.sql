-- expect: domains[public.score].notNull
-- setup
CREATE DOMAIN score AS int;
-- change
ALTER DOMAIN score SET NOT NULL;
