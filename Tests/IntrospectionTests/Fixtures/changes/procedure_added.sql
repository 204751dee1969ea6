-- expect: functions[public.p(IN x integer)]
-- setup
-- needs PostgreSQL 14 (13 writes a procedure's identity without IN: p(x integer))
-- change
CREATE PROCEDURE p(x int) LANGUAGE sql AS 'SELECT x';
