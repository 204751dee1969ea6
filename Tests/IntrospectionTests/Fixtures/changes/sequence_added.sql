-- expect: sequences[public.s]
-- setup
-- change
CREATE SEQUENCE s;
