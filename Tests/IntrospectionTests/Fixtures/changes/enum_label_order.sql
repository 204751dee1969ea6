-- expect: enums[public.mood].labels
-- setup
CREATE TYPE mood AS ENUM ('sad', 'happy');
-- change
ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
