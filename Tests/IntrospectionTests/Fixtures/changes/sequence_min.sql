-- expect: sequences[public.s].options.minValue
-- setup
CREATE SEQUENCE s START 10;
-- change
ALTER SEQUENCE s MINVALUE 0;
