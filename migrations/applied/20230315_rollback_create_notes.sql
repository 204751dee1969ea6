-- Rollback: Create notes table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230315_create_notes';

DROP TABLE IF EXISTS notes;

COMMIT;
