-- Rollback: 20230201_add_contacts_email_index
BEGIN;

UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230201_add_contacts_email_index';

DROP INDEX idx_contacts_email;

COMMIT;
