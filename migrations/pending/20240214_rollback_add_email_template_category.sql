-- Rollback: Categorise email templates
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20240214_add_email_template_category';

ALTER TABLE email_templates DROP CONSTRAINT IF EXISTS email_templates_category_check;
ALTER TABLE email_templates DROP COLUMN IF EXISTS category;

COMMIT;
