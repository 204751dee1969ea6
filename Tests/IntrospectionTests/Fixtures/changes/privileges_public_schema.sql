-- expect: schemas[public].privileges
-- setup
SELECT 1;
-- change
REVOKE ALL ON SCHEMA public FROM PUBLIC;
