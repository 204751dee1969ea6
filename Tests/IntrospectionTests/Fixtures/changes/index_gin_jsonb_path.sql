-- expect: tables[public.t].indexes[t_doc]
-- setup
CREATE TABLE t (doc jsonb);
-- change
CREATE INDEX t_doc ON t USING gin (doc jsonb_path_ops);
