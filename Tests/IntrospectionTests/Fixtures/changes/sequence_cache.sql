-- expect: sequences[public.s].options.cache
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s CACHE 20;
