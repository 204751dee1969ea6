-- expect: sequences[public.s].options.increment
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s INCREMENT BY 5;
