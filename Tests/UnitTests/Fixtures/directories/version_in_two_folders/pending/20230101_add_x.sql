BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230101_add_x', 'x');
CREATE TABLE t_x (id int);
COMMIT;
