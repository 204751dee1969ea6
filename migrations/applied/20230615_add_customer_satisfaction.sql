-- Migration: Add customer satisfaction tracking
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230615_add_customer_satisfaction', 'Add customer satisfaction tracking');

-- Add satisfaction_score column to support_tickets
ALTER TABLE support_tickets ADD COLUMN satisfaction_score INTEGER;

-- Add satisfaction_survey JSONB field for detailed feedback
ALTER TABLE support_tickets ADD COLUMN satisfaction_survey JSONB;

-- Create index for querying by satisfaction score
CREATE INDEX idx_support_tickets_satisfaction_score
ON support_tickets(satisfaction_score);

COMMIT;
