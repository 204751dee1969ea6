-- Migration: Create contacts table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230125_create_contacts', 'Create contacts table');

CREATE TABLE contacts (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  company_id UUID REFERENCES companies (id) ON DELETE CASCADE,
  owner_id UUID REFERENCES users (id) ON DELETE SET NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  job_title TEXT,
  tags TEXT[] NOT NULL DEFAULT '{}',
  custom_fields JSONB NOT NULL DEFAULT '{}'::jsonb,
  deleted_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- A live contact's email is unique; soft-deleted contacts keep theirs.
CREATE UNIQUE INDEX idx_contacts_email_live ON contacts (lower(email))
WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX idx_contacts_company_id ON contacts (company_id);
-- Lead source lives in custom_fields; reports group by it.
CREATE INDEX idx_contacts_lead_source ON contacts ((custom_fields ->> 'lead_source'));

CREATE TRIGGER trg_contacts_updated_at
BEFORE UPDATE ON contacts
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMIT;
