-- expect: tables[public.t].constraints[t_a_b_key]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ADD UNIQUE (a, b);
