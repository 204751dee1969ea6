BEGIN;
UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230201_add_c';
DROP TABLE t_c;
COMMIT;
