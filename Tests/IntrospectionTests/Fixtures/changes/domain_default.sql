-- expect: domains[public.score].defaultExpression
-- setup
CREATE DOMAIN score AS int;
-- change
ALTER DOMAIN score SET DEFAULT 5;
