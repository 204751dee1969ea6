-- expect: functions[public.f(x integer)].comment
-- setup
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- change
COMMENT ON FUNCTION f(int) IS 'identity';
