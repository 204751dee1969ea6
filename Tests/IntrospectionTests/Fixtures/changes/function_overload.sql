-- expect: functions[public.f(x text)]
-- setup
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- change
CREATE FUNCTION f(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';
