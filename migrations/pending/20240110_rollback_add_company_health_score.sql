-- Rollback: Add company health score
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20240110_add_company_health_score';

DROP INDEX IF EXISTS idx_companies_health_score;
ALTER TABLE companies DROP CONSTRAINT IF EXISTS companies_health_score_check;
ALTER TABLE companies DROP COLUMN IF EXISTS health_factors;
ALTER TABLE companies DROP COLUMN IF EXISTS health_score;

COMMIT;
