-- Migration: 20230201_add_contacts_email_index
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230201_add_contacts_email_index', '20230201_add_contacts_email_index');

CREATE INDEX idx_contacts_email ON contacts (lower(email));

COMMIT;
