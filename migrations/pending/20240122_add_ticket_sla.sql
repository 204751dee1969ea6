-- Migration: Add SLA deadlines to support tickets
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20240122_add_ticket_sla', 'Add SLA deadlines to support tickets');

ALTER TABLE support_tickets ADD COLUMN sla_due_at TIMESTAMP WITH TIME ZONE;

-- The SLA board: open tickets by deadline.
CREATE INDEX idx_support_tickets_sla_open ON support_tickets (sla_due_at)
WHERE status IN ('open', 'pending') AND sla_due_at IS NOT NULL;

COMMIT;
