-- Migration: Create notes table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230315_create_notes', 'Create notes table');

CREATE TABLE notes (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  author_id UUID REFERENCES users (id) ON DELETE SET NULL,
  contact_id UUID REFERENCES contacts (id) ON DELETE CASCADE,
  deal_id UUID REFERENCES deals (id) ON DELETE CASCADE,
  company_id UUID REFERENCES companies (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  is_pinned BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  -- A note belongs to exactly one thing.
  CONSTRAINT notes_one_parent_check CHECK (num_nonnulls(contact_id, deal_id, company_id) = 1)
);

CREATE INDEX idx_notes_contact_id ON notes (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX idx_notes_deal_id ON notes (deal_id) WHERE deal_id IS NOT NULL;
CREATE INDEX idx_notes_company_id ON notes (company_id) WHERE company_id IS NOT NULL;

CREATE TRIGGER trg_notes_updated_at
BEFORE UPDATE ON notes
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMIT;
