-- expect: functions[public.p(IN x integer)]
-- setup
-- change
CREATE PROCEDURE p(x int) LANGUAGE sql AS 'SELECT x';
