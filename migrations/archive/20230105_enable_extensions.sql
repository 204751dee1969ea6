-- Migration: Enable uuid-ossp and pgcrypto
BEGIN;

-- The migrations table is created here too, so a brand-new database can take this first migration.
CREATE TABLE IF NOT EXISTS schema_versions (
  id SERIAL PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,
  applied_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  description TEXT,
  is_active BOOLEAN DEFAULT TRUE,
  rolled_back_at TIMESTAMP WITH TIME ZONE
);

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230105_enable_extensions', 'Enable uuid-ossp and pgcrypto');

-- UUID primary keys (uuid_generate_v4) and password hashing (crypt, gen_salt).
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;

COMMIT;
