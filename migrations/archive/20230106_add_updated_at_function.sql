-- Migration: Add the updated_at trigger function
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230106_add_updated_at_function', 'Add the updated_at trigger function');

-- One trigger function shared by every table that has an updated_at column.
CREATE OR REPLACE FUNCTION set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := NOW();
  RETURN NEW;
END;
$$;

COMMENT ON FUNCTION set_updated_at() IS 'Keeps updated_at current on every UPDATE; attach with a BEFORE UPDATE row trigger.';

COMMIT;
