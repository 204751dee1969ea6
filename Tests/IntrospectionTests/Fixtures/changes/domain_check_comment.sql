-- expect: domains[public.d].checks[positive].comment
-- setup
CREATE DOMAIN d AS int CONSTRAINT positive CHECK (VALUE > 0);
-- change
COMMENT ON CONSTRAINT positive ON DOMAIN d IS 'above zero';
