-- expect: extensions[pg_trgm]
-- setup
-- change
CREATE EXTENSION pg_trgm;
