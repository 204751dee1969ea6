-- expect: sequences[public.s].options.start
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s START WITH 100;
