-- expect: enums[public.mood].privileges
-- setup
CREATE TYPE mood AS ENUM ('ok');
-- change
REVOKE USAGE ON TYPE mood FROM PUBLIC;
