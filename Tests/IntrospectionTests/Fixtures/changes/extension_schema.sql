-- expect: extensions[pgcrypto].schema
-- setup
CREATE SCHEMA ext;
CREATE EXTENSION pgcrypto;
-- change
ALTER EXTENSION pgcrypto SET SCHEMA ext;
