BEGIN;
UPDATE schema_versions SET is_active = FALSE, rolled_back_at = NOW() WHERE version = '20230201_add_contacts_email_index';
COMMIT;
