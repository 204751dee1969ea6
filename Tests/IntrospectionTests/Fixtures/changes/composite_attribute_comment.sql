-- expect: compositeTypes[public.pair].attributes[a].comment
-- setup
CREATE TYPE pair AS (a int, b int);
-- change
COMMENT ON COLUMN pair.a IS 'first';
