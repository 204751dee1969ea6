-- Rollback: Add email templates table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230601_add_email_templates';

DROP TABLE IF EXISTS email_templates;

COMMIT;
