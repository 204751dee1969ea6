-- Rollback: Add customer satisfaction tracking
BEGIN;

-- Mark migration as rolled back
UPDATE schema_versions
SET is_active = FALSE, rolled_back_at = NOW()
WHERE version = '20230615_add_customer_satisfaction';

DROP INDEX IF EXISTS idx_support_tickets_satisfaction_score;
ALTER TABLE support_tickets DROP COLUMN IF EXISTS satisfaction_survey;
ALTER TABLE support_tickets DROP COLUMN IF EXISTS satisfaction_score;

COMMIT;
