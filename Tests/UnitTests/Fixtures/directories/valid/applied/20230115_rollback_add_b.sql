BEGIN;
UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230115_add_b';
DROP TABLE t_b;
COMMIT;
