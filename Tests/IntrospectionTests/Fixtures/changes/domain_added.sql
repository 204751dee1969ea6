-- expect: domains[public.score]
-- setup
-- change
CREATE DOMAIN score AS int;
