-- Rollback: Add activity reminders
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20240301_add_activity_reminders';

DROP TABLE IF EXISTS activity_reminders;

COMMIT;
