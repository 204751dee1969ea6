-- Rollback: Create companies table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230118_create_companies';

DROP TABLE IF EXISTS companies;

COMMIT;
