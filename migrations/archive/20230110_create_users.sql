-- Migration: Create users table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230110_create_users', 'Create users table');

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  email TEXT NOT NULL,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'sales_rep',
  password_hash TEXT NOT NULL,
  is_active BOOLEAN NOT NULL DEFAULT TRUE,
  preferences JSONB NOT NULL DEFAULT '{}'::jsonb,
  last_login_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  CONSTRAINT users_role_check CHECK (role IN ('admin', 'manager', 'sales_rep', 'support_agent')),
  CONSTRAINT users_email_format_check CHECK (email LIKE '%_@_%')
);

-- Emails are unique whatever their case.
CREATE UNIQUE INDEX idx_users_email_lower ON users (lower(email));

CREATE TRIGGER trg_users_updated_at
BEFORE UPDATE ON users
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE users IS 'People who log in to the CRM.';
COMMENT ON COLUMN users.preferences IS 'UI settings (theme, locale, notification choices): variable, so JSONB.';

COMMIT;
