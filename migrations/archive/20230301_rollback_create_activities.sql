-- Rollback: Create activities table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230301_create_activities';

DROP TABLE IF EXISTS activities;

COMMIT;
