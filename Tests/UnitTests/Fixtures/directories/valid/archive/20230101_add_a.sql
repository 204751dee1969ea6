BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230101_add_a', 'x');
CREATE TABLE t_a (id int);
COMMIT;
