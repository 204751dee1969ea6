-- expect: sequences[public.s].options.maxValue
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s MAXVALUE 1000;
