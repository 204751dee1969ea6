-- Rollback: Track deal stage changes
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230805_add_deal_stage_history';

DROP TRIGGER IF EXISTS trg_deals_stage_history ON deals;
DROP FUNCTION IF EXISTS record_deal_stage_change();
DROP TABLE IF EXISTS deal_stage_history;

COMMIT;
