-- Rollback: Add marketing consent to contacts
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20240205_add_contact_consent';

DROP INDEX IF EXISTS idx_contacts_email_opt_in;
ALTER TABLE contacts DROP COLUMN IF EXISTS consent;

COMMIT;
