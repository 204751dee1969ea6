-- Rollback: Add RingCentral OAuth tokens
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230512_add_ringcentral_tokens';

DROP TABLE IF EXISTS ringcentral_tokens;

COMMIT;
