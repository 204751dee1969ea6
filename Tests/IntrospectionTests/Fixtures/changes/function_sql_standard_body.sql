-- expect: functions[public.g(x integer)]
-- setup
-- needs PostgreSQL 14
-- change
CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x + 1;
END;
