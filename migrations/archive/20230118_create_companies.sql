-- Migration: Create companies table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230118_create_companies', 'Create companies table');

CREATE TABLE companies (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  name TEXT NOT NULL,
  domain TEXT,
  industry TEXT,
  employee_count INTEGER CHECK (employee_count IS NULL OR employee_count >= 0),
  owner_id UUID REFERENCES users (id) ON DELETE SET NULL,
  address JSONB,
  custom_fields JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

CREATE UNIQUE INDEX idx_companies_domain ON companies (lower(domain)) WHERE domain IS NOT NULL;
CREATE INDEX idx_companies_owner_id ON companies (owner_id);
-- Hybrid storage: arbitrary custom fields, searched with @> containment.
CREATE INDEX idx_companies_custom_fields ON companies USING GIN (custom_fields jsonb_path_ops);

CREATE TRIGGER trg_companies_updated_at
BEFORE UPDATE ON companies
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE companies IS 'Organisations we sell to.';

COMMIT;
