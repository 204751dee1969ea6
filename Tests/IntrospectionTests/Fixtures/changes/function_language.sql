-- expect: functions[public.f(x integer)].language
-- expect: functions[public.f(x integer)].definition
-- expect: functions[public.f(x integer)].body
-- setup
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- change
CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE plpgsql AS 'BEGIN RETURN x;
END';
