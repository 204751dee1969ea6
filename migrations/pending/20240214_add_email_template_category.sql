-- Migration: Categorise email templates
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20240214_add_email_template_category', 'Categorise email templates');

ALTER TABLE email_templates ADD COLUMN category TEXT NOT NULL DEFAULT 'general';
ALTER TABLE email_templates ADD CONSTRAINT email_templates_category_check
  CHECK (category IN ('general', 'follow_up', 'onboarding', 'support', 'marketing'));

COMMIT;
