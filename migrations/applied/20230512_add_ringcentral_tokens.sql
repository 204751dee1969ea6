-- Migration: Add RingCentral OAuth tokens
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230512_add_ringcentral_tokens', 'Add RingCentral OAuth tokens');

CREATE TABLE ringcentral_tokens (
  id SERIAL PRIMARY KEY,
  user_id UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  access_token TEXT NOT NULL,
  refresh_token TEXT NOT NULL,
  token_type TEXT NOT NULL DEFAULT 'bearer',
  scope TEXT,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  refresh_expires_at TIMESTAMP WITH TIME ZONE,
  account_info JSONB,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- The refresh job looks for tokens about to expire.
CREATE INDEX idx_ringcentral_tokens_expires_at ON ringcentral_tokens (expires_at);

CREATE TRIGGER trg_ringcentral_tokens_updated_at
BEFORE UPDATE ON ringcentral_tokens
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE ringcentral_tokens IS 'OAuth tokens of the RingCentral telephony integration, one per user.';

COMMIT;
