-- Migration: Add marketing consent to contacts
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20240205_add_contact_consent', 'Add marketing consent to contacts');

-- Consent rules differ by country: keep them in JSONB, index the one flag campaigns filter on.
ALTER TABLE contacts ADD COLUMN consent JSONB NOT NULL DEFAULT '{}'::jsonb;

CREATE INDEX idx_contacts_email_opt_in ON contacts (((consent ->> 'email_opt_in')::boolean))
WHERE deleted_at IS NULL;

COMMENT ON COLUMN contacts.consent IS 'Marketing consent per channel, with source and timestamp.';

COMMIT;
