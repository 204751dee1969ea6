-- expect: tables[public.t].inherits[parent]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE TABLE parent (a int);
-- change
ALTER TABLE t INHERIT parent;
