-- Migration: 20230201_add_contacts_index
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230201_add_contacts_index', '20230201_add_contacts_index');

-- contacts does not exist yet
CREATE INDEX idx_contacts_email
    ON contacts (email);

COMMIT;
