-- expect: views[public.v].columnComments[a]
-- setup
CREATE VIEW v AS SELECT 1 AS a;
-- change
COMMENT ON COLUMN v.a IS 'the answer';
