-- expect: tables[public.t].replicaIdentity
-- setup
CREATE TABLE t (id int NOT NULL);
CREATE UNIQUE INDEX t_id ON t (id);
-- change
ALTER TABLE t REPLICA IDENTITY USING INDEX t_id;
