-- Migration: 20230301_add_contacts_phone
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230301_add_contacts_phone', '20230301_add_contacts_phone');

ALTER TABLE contacts ADD COLUMN phone text;

COMMIT;
