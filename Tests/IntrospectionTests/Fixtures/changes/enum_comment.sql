-- expect: enums[public.mood].comment
-- setup
CREATE TYPE mood AS ENUM ('sad');
-- change
COMMENT ON TYPE mood IS 'feelings';
