-- expect: tables[public.t].privileges
-- setup
CREATE TABLE t (id int);
-- change
REVOKE TRUNCATE ON t FROM CURRENT_USER;
