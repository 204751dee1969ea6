-- expect: tables[public.t].constraints[u_pkey]
-- setup
CREATE TABLE t (id int NOT NULL);
-- change
ALTER TABLE t ADD CONSTRAINT u_pkey PRIMARY KEY (id);
