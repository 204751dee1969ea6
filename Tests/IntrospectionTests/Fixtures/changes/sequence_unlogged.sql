-- expect: sequences[public.s].unlogged
-- setup
-- needs PostgreSQL 15
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s SET UNLOGGED;
