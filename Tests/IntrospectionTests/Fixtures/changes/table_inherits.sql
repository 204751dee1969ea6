-- expect: tables[public.t].inherits[parent]
-- expect: tables[public.t].columns[a].inheritedAndLocal
-- expect: tables[public.t].constraints[a_positive].inheritedAndLocal
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text, CONSTRAINT a_positive CHECK (a > 0));
CREATE TABLE parent (a int, CONSTRAINT a_positive CHECK (a > 0));
-- change
ALTER TABLE t INHERIT parent;
