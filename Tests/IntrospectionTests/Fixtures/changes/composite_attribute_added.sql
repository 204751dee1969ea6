-- expect: compositeTypes[public.pair].attributes[b]
-- setup
CREATE TYPE pair AS (a int);
-- change
ALTER TYPE pair ADD ATTRIBUTE b text;
