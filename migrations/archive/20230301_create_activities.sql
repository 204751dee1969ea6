-- Migration: Create activities table
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230301_create_activities', 'Create activities table');

CREATE TABLE activities (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  type TEXT NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'task')),
  subject TEXT NOT NULL,
  deal_id UUID REFERENCES deals (id) ON DELETE CASCADE,
  contact_id UUID REFERENCES contacts (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id),
  due_at TIMESTAMP WITH TIME ZONE,
  completed_at TIMESTAMP WITH TIME ZONE,
  data JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- A user's open tasks, soonest first.
CREATE INDEX idx_activities_open_due ON activities (user_id, due_at) WHERE completed_at IS NULL;
CREATE INDEX idx_activities_deal_id ON activities (deal_id);
-- Call recordings: activities whose data carries a recording id.
CREATE INDEX idx_activities_recording ON activities ((data ->> 'recording_id')) WHERE type = 'call';

CREATE TRIGGER trg_activities_updated_at
BEFORE UPDATE ON activities
FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMIT;
