-- Rollback: Create users table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230110_create_users';

DROP TABLE IF EXISTS users;

COMMIT;
