-- expect: sequences[public.s].options.cycle
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s CYCLE;
