-- Rollback: Add contact search indexes
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230720_add_contact_search_indexes';

DROP INDEX IF EXISTS idx_contacts_name_lower;
DROP INDEX IF EXISTS idx_contacts_tags;

COMMIT;
