-- Rollback: Enable uuid-ossp and pgcrypto
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230105_enable_extensions';

-- schema_versions stays: it records this very rollback.
DROP EXTENSION IF EXISTS pgcrypto;
DROP EXTENSION IF EXISTS "uuid-ossp";

COMMIT;
