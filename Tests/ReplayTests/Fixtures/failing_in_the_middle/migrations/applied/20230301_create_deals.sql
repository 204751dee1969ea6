-- Migration: 20230301_create_deals
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230301_create_deals', '20230301_create_deals');

CREATE TABLE deals (id int);

COMMIT;
