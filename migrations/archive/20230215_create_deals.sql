-- Migration: Create deals table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230215_create_deals', 'Create deals table');

CREATE TABLE deals (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  title TEXT NOT NULL,
  company_id UUID REFERENCES companies (id) ON DELETE CASCADE,
  contact_id UUID REFERENCES contacts (id) ON DELETE SET NULL,
  owner_id UUID REFERENCES users (id) ON DELETE SET NULL,
  pipeline_status_id INTEGER NOT NULL REFERENCES pipeline_statuses (id) ON UPDATE CASCADE ON DELETE RESTRICT,
  stage deal_stage NOT NULL DEFAULT 'lead',
  amount NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency CHAR(3) NOT NULL DEFAULT 'USD',
  probability INTEGER CHECK (probability BETWEEN 0 AND 100),
  expected_close_date DATE,
  closed_at TIMESTAMP WITH TIME ZONE,
  metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE INDEX idx_deals_company_id ON deals (company_id);
CREATE INDEX idx_deals_owner_stage ON deals (owner_id, stage);
-- Open deals by expected close date: the forecast screen.
CREATE INDEX idx_deals_open_close_date ON deals (expected_close_date) WHERE stage NOT IN ('won', 'lost');

CREATE TRIGGER trg_deals_updated_at
BEFORE UPDATE ON deals
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMIT;
