-- expect: functions[public.f(x integer)].configuration
-- expect: functions[public.f(x integer)].definition
-- setup
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- change
ALTER FUNCTION f(int) SET search_path = public;
