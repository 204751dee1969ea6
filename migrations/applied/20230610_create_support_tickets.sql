-- Migration: Create support tickets table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230610_create_support_tickets', 'Create support tickets table');

CREATE TABLE support_tickets (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  priority SMALLINT NOT NULL DEFAULT 3,
  contact_id UUID REFERENCES contacts (id) ON DELETE SET NULL,
  company_id UUID REFERENCES companies (id) ON DELETE SET NULL,
  assigned_to UUID REFERENCES users (id) ON DELETE SET NULL,
  details JSONB NOT NULL DEFAULT '{}'::jsonb,
  opened_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  resolved_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  CONSTRAINT support_tickets_status_check CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
  CONSTRAINT support_tickets_priority_check CHECK (priority BETWEEN 1 AND 5),
  CONSTRAINT support_tickets_resolved_check CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);

CREATE INDEX idx_support_tickets_assignee_open ON support_tickets (assigned_to) WHERE status IN ('open', 'pending');
CREATE INDEX idx_support_tickets_details ON support_tickets USING GIN (details);

CREATE TRIGGER trg_support_tickets_updated_at
BEFORE UPDATE ON support_tickets
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMIT;
