-- expect: functions[public.f(a integer)].cost
-- expect: functions[public.f(a integer)].definition
-- setup
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
-- change
ALTER FUNCTION f(integer) COST 5000;
