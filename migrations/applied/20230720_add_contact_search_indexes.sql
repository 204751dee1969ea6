-- Migration: Add contact search indexes
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230720_add_contact_search_indexes', 'Add contact search indexes');

-- Tag filters (tags @> ARRAY['vip']) and name search.
CREATE INDEX idx_contacts_tags ON contacts USING GIN (tags);
CREATE INDEX idx_contacts_name_lower ON contacts (lower(last_name), lower(first_name));

COMMIT;
