-- Rollback: Add SLA deadlines to support tickets
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20240122_add_ticket_sla';

DROP INDEX IF EXISTS idx_support_tickets_sla_open;
ALTER TABLE support_tickets DROP COLUMN IF EXISTS sla_due_at;

COMMIT;
