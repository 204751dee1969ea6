-- expect: domains[public.score].baseType
-- setup
CREATE DOMAIN score AS int;
-- change
DROP DOMAIN score;
CREATE DOMAIN score AS bigint;
