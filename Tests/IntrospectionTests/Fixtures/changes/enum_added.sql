-- expect: enums[public.mood]
-- setup
-- change
CREATE TYPE mood AS ENUM ('sad', 'ok');
