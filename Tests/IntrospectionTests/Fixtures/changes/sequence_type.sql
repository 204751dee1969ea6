-- expect: sequences[public.s].options.dataType
-- expect: sequences[public.s].options.maxValue
-- setup
CREATE SEQUENCE s AS integer;
-- change
ALTER SEQUENCE s AS bigint;
