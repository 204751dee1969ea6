-- Rollback: 20230101_create_contacts
BEGIN;

UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230101_create_contacts';

DROP TABLE contacts;
DROP FUNCTION touch();

COMMIT;
