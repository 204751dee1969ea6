-- expect: tables[public.t].columns[id].identity.sequenceName
-- setup
CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, a text);
-- change
ALTER SEQUENCE t_id_seq RENAME TO "t ids";
