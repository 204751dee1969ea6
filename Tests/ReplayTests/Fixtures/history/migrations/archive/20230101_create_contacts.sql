-- Migration: 20230101_create_contacts
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230101_create_contacts', '20230101_create_contacts');

CREATE TABLE contacts (id int PRIMARY KEY, email text);

COMMIT;
