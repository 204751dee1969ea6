-- Migration: 20230101_create_companies
BEGIN;

INSERT INTO schema_versions (version, description) VALUES ('20230101_create_companies', '20230101_create_companies');

CREATE TABLE companies (id int PRIMARY KEY);

COMMIT;
