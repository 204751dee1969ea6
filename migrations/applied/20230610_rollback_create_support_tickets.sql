-- Rollback: Create support tickets table
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230610_create_support_tickets';

DROP TABLE IF EXISTS support_tickets;

COMMIT;
