-- expect: tables[public.t].clusterOn
-- setup
CREATE TABLE t (id int);
CREATE INDEX t_id ON t (id);
-- change
ALTER TABLE t CLUSTER ON t_id;
