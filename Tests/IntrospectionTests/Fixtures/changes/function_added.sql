-- expect: functions[public.f(x integer)]
-- setup
-- change
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
