-- Migration: Add deal stages and pipeline statuses
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230208_add_pipeline_statuses', 'Add deal stages and pipeline statuses');

CREATE TYPE deal_stage AS ENUM ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost');

CREATE TABLE pipeline_statuses (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  stage deal_stage NOT NULL,
  position INTEGER NOT NULL,
  is_closed BOOLEAN NOT NULL DEFAULT FALSE,
  color TEXT NOT NULL DEFAULT '#999999',
  CONSTRAINT pipeline_statuses_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT pipeline_statuses_color_check CHECK (color ~ '^#[0-9a-fA-F]{6}$')
);

COMMENT ON TYPE deal_stage IS 'Where a deal stands; pipeline_statuses refine each stage per team.';

COMMIT;
