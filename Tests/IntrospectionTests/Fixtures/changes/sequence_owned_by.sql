-- expect: sequences[public.s].ownedBy
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE SEQUENCE s;
-- change
ALTER SEQUENCE s OWNED BY t.a;
