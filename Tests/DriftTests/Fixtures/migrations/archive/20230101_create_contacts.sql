-- Migration: 20230101_create_contacts
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230101_create_contacts', '20230101_create_contacts');

CREATE TABLE contacts (
  id int PRIMARY KEY,
  email text,
  status text NOT NULL DEFAULT 'new',
  updated_at timestamptz
);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER contacts_touch BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION touch();

COMMIT;
