-- Rollback: 20230301_add_contacts_phone
BEGIN;

UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230301_add_contacts_phone';

ALTER TABLE contacts DROP COLUMN phone;

COMMIT;
