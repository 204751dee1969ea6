-- Rollback: Create the deal pipeline view
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230701_create_deal_pipeline_view';

DROP VIEW IF EXISTS deal_pipeline;

COMMIT;
