-- expect: tables[public.t].columns[c]
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
-- change
ALTER TABLE t ADD COLUMN c date;
