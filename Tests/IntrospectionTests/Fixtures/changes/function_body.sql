-- expect: functions[public.f(x integer)].body
-- expect: functions[public.f(x integer)].definition
-- setup
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- change
CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';
