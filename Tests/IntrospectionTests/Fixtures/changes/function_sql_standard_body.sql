-- expect: functions[public.g(x integer)]
-- setup
-- change
CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x + 1;
END;
