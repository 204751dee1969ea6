-- Rollback: Create contacts table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230125_create_contacts';

DROP TABLE IF EXISTS contacts;

COMMIT;
