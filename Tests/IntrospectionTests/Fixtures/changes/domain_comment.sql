-- expect: domains[public.score].comment
-- setup
CREATE DOMAIN score AS int;
-- change
COMMENT ON DOMAIN score IS 'zero to ten';
