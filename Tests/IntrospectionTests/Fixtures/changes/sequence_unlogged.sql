-- expect: sequences[public.s].unlogged
-- setup
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s SET UNLOGGED;
