-- expect: functions[public.f(a integer)].rows
-- expect: functions[public.f(a integer)].definition
-- setup
CREATE FUNCTION f(a integer) RETURNS SETOF integer LANGUAGE sql AS 'SELECT a';
-- change
ALTER FUNCTION f(integer) ROWS 20;
