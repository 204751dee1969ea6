-- expect: tables[public.t].constraints[t_pkey].indexComment
-- expect: tables[public.t].constraints[t_code_key].indexComment
-- setup
CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);
-- change
COMMENT ON INDEX t_pkey IS 'the key''s index';
COMMENT ON INDEX t_code_key IS 'codes';
