-- expect: tables[public.c]
-- setup
CREATE TABLE p (a int, b text NOT NULL, CONSTRAINT a_positive CHECK (a > 0));
-- change
CREATE TABLE c (a int DEFAULT 5, x int) INHERITS (p);
