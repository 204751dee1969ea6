-- expect: extensions[pgcrypto]
-- setup
-- change
CREATE EXTENSION pgcrypto;
