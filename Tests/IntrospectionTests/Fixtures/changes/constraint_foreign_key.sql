-- expect: tables[public.t].constraints[t_a_fkey]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE TABLE r (id int PRIMARY KEY);
-- change
ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES r (id);
