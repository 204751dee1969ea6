-- Migration: Add company health score
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20240110_add_company_health_score', 'Add company health score');

-- Core, frequently filtered: a column. Its inputs vary by plan: JSONB.
ALTER TABLE companies ADD COLUMN health_score SMALLINT;
ALTER TABLE companies ADD COLUMN health_factors JSONB;
ALTER TABLE companies ADD CONSTRAINT companies_health_score_check CHECK (health_score BETWEEN 0 AND 100);

CREATE INDEX idx_companies_health_score ON companies (health_score) WHERE health_score IS NOT NULL;

COMMIT;
