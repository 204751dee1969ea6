-- expect: tables[public.t].indexes[t_source]
-- setup
CREATE TABLE t (doc jsonb);
-- change
CREATE INDEX t_source ON t ((doc ->> 'source'));
