-- Rollback: Add the updated_at trigger function
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230106_add_updated_at_function';

DROP FUNCTION IF EXISTS set_updated_at();

COMMIT;
