-- expect: tables[public.t].indexes[t_a].invalid
-- pg_dump leaves out: an invalid index (it dumps only valid ones)
-- setup
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
-- change
UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'public.t_a'::regclass;
