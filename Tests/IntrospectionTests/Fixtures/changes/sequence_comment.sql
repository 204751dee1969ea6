-- expect: sequences[public.s].comment
-- setup
CREATE SEQUENCE s;
-- change
COMMENT ON SEQUENCE s IS 'numbers';
