-- expect: compositeTypes[public.pair].attributes[a].type
-- setup
CREATE TYPE pair AS (a int);
-- change
ALTER TYPE pair ALTER ATTRIBUTE a TYPE bigint;
