-- expect: functions[public.f(a integer)].privileges
-- setup
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
-- change
REVOKE EXECUTE ON FUNCTION f(integer) FROM PUBLIC;
