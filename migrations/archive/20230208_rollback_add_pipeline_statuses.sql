-- Rollback: Add deal stages and pipeline statuses
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230208_add_pipeline_statuses';

DROP TABLE IF EXISTS pipeline_statuses;
DROP TYPE IF EXISTS deal_stage;

COMMIT;
