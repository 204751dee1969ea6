BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230101_Add_X', 'x');
CREATE TABLE t_X (id int);
COMMIT;
