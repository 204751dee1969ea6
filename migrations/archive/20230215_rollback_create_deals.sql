-- Rollback: Create deals table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230215_create_deals';

DROP TABLE IF EXISTS deals;

COMMIT;
