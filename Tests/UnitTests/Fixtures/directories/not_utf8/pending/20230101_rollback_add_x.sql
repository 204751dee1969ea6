BEGIN;
UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230101_add_x';
DROP TABLE t_x;
COMMIT;
