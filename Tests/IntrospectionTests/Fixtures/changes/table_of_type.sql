-- expect: tables[public.t].ofType
-- setup
CREATE TYPE pair AS (a int, b int);
CREATE TABLE t (a int, b int);
-- change
ALTER TABLE t OF pair;
