-- Migration: Track deal stage changes
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230805_add_deal_stage_history', 'Track deal stage changes');

CREATE TABLE deal_stage_history (
  id BIGSERIAL PRIMARY KEY,
  deal_id UUID NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  from_stage deal_stage,
  to_stage deal_stage NOT NULL,
  changed_by UUID REFERENCES users (id) ON DELETE SET NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_deal_stage_history_deal ON deal_stage_history (deal_id, changed_at DESC);

CREATE OR REPLACE FUNCTION record_deal_stage_change()
RETURNS TRIGGER
LANGUAGE plpgsql
SET search_path = public
AS $$
BEGIN
  INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_by)
  VALUES (NEW.id, OLD.stage, NEW.stage, NEW.owner_id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER trg_deals_stage_history
AFTER UPDATE OF stage ON deals
FOR EACH ROW
WHEN (OLD.stage IS DISTINCT FROM NEW.stage)
EXECUTE FUNCTION record_deal_stage_change();

COMMIT;
