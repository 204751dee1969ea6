BEGIN;
INSERT INTO schema_versions (version) VALUES ('20230101_create_company');
CREATE TABLE companies (id int);
COMMIT;
